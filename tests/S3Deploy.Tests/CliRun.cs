using S3Deploy.Cli;

namespace S3Deploy.Tests;

/// <summary>The CLI in-process, with what it wrote to stdout and stderr.</summary>
internal static class CliRun
{
    /// <summary>Nothing listens on port 9 (discard): runs aimed here must stop before any request.</summary>
    public const string DeadEndpoint = "http://127.0.0.1:9";

    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
