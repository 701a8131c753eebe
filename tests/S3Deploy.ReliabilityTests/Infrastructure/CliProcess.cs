using System.Diagnostics;
using System.Globalization;

namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>The built s3deploy.dll run as a real process, with the environment a test chooses.</summary>
internal static class CliProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "s3deploy.dll");

    /// <param name="wrapper">A command that runs dotnet, e.g. setpriv with its options; empty for dotnet itself.</param>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, IReadOnlyList<string>? wrapper = null)
    {
        string[] command = [.. wrapper ?? [], "dotnet", Dll];
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var word in command.Skip(1))
        {
            start.ArgumentList.Add(word);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
    }

    /// <summary>The CLI on a pseudo-terminal (util-linux 'script'), as a person runs it: output merged, input typed.</summary>
    public static Process StartOnTerminal(IEnumerable<string> args)
    {
        var command = string.Join(' ', new[] { "dotnet", Dll }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var start = new ProcessStartInfo("script", ["--quiet", "--return", "--command", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // A live display only for a person at a terminal (ConsoleMode): not under CI.
        foreach (var name in new[] { "CI", "TF_BUILD", "GITHUB_ACTIONS" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["TERM"] = "xterm";
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start script.");
    }

    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, IReadOnlyList<string>? wrapper = null)
    {
        using var process = Start(args, environment, wrapper);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends a signal by name (INT, TERM), as Ctrl+C at a terminal or a cancelled CI job does.</summary>
    public static async Task SignalAsync(Process process, string signal)
    {
        // SIGINT stays ignored in a process started with it ignored (a background job of a script), and .NET honours that.
        var ignored = File.ReadLines($"/proc/{process.Id}/status").Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(ignored["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var number = signal switch { "INT" => 2, "TERM" => 15, _ => throw new ArgumentException(signal, nameof(signal)) };
        Assert.True((mask & (1UL << (number - 1))) == 0, $"SIG{signal} is ignored in the deploy process (inherited from the test runner), so it cannot be delivered; run the tests from a foreground shell.");

        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start kill.");
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
