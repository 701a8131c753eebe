using System.Diagnostics;

namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>
/// The CLI in its own process: the SDK caches what the default credential chain resolved, and the environment is
/// process-wide, so credential tests cannot run it in the test host.
/// </summary>
internal static class CliChild
{
    public static async Task<(int Code, string Output)> RunAsync(string[] args, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "s3deploy.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }
}
