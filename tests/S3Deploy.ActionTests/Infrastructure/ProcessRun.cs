using System.Diagnostics;

namespace S3Deploy.ActionTests.Infrastructure;

internal sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    public static async Task<ProcessRun> StartAsync(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            // null unsets what the test run itself may have inherited (GITHUB_ACTIONS, TF_BUILD on a CI agent).
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
