namespace S3Deploy.Cli;

internal static class ConsoleMode
{
    /// <summary>A live progress display only for a person at a terminal; CI logs get plain lines that read well afterwards.</summary>
    public static bool IsInteractive() =>
        !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("CI") is null
        && Environment.GetEnvironmentVariable("TF_BUILD") is null
        && Environment.GetEnvironmentVariable("GITHUB_ACTIONS") is null
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";
}
