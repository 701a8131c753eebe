using System.Diagnostics;

namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>Whether this machine's python3 can run moto's server, asked once per process.</summary>
internal static class MotoInstall
{
    private static readonly Lazy<string?> Probe = new(Check);

    /// <summary>Null when moto is usable, else why not and how to get it.</summary>
    public static string? Missing => Probe.Value;

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Check()
    {
        const string Get = "moto is needed for this case: pip install 'moto[server]' (python3 -c 'import moto.server' must work).";
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", ["-c", "import moto.server"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var errors = python.StandardError.ReadToEndAsync();
            python.StandardOutput.ReadToEnd();
            return python.WaitForExit(60_000) && python.ExitCode == 0 ? null : $"{Get} It failed: {errors.Result.Trim().Split('\n')[^1]}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{Get} python3 could not be started: {e.Message}";
        }
    }
}
