namespace S3Deploy.PackageTests.Infrastructure;

/// <summary>The system's Chromium (Debian's <c>chromium</c> package), which the browser tests drive through playwright-core.</summary>
internal static class Chromium
{
    public const string Missing = "Chromium is not on PATH; install it to run the browser tests (Debian/Ubuntu: apt-get install chromium).";

    public static string? Path { get; } = Find();

    /// <summary>CI installs Chromium (.ci/run), so there a missing one is a failure, not a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Find()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return (from name in new[] { "chromium", "chromium-browser" }
                from folder in folders
                let candidate = System.IO.Path.Combine(folder, name)
                where File.Exists(candidate)
                select candidate).FirstOrDefault();
    }
}
