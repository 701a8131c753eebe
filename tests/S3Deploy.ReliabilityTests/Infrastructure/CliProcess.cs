using System.Diagnostics;

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

    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, IReadOnlyList<string>? wrapper = null)
    {
        using var process = Start(args, environment, wrapper);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }
}
