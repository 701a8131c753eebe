using System.Diagnostics;
using System.Text.RegularExpressions;

namespace S3Deploy.ActionTests.Infrastructure;

/// <summary>
/// Builds s3deploy exactly as the image does: the Dockerfile's own publish command, run in a copy of the build context
/// (what .dockerignore lets through), so the native file the tests run is the one the container would hold.
/// </summary>
public sealed partial class PublishedAction : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "s3deploy-action-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>What the tests pass for the Dockerfile's ARG VERSION, as the release workflow passes the tag's.</summary>
    public const string Version = "9.8.7";

    public string Binary => Path.Combine(root, "out", "s3deploy");

    public TimeSpan PublishTime { get; private set; }

    public static string PublishCommand() =>
        PublishLine().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile"))) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("The Dockerfile has no 'RUN cd /src && dotnet publish … -o /out' line.");

    public async Task InitializeAsync()
    {
        if (!NativeFactAttribute.Enabled)
        {
            // xunit builds class fixtures even when every test of the class is skipped.
            return;
        }

        var context = Path.Combine(root, "src");
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            Directory.CreateDirectory(context);
            File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(context, file));
        }

        CopyProject("src/S3Deploy.Core", context);
        CopyProject("src/S3Deploy.Cli", context);
        var words = PublishCommand().Replace("$VERSION", Version, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var clock = Stopwatch.StartNew();
        var run = await ProcessRun.StartAsync(words[0], [.. words.Skip(1), "-o", Path.Combine(root, "out")], context, new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1" }, TimeSpan.FromMinutes(20));
        PublishTime = clock.Elapsed;
        if (run.ExitCode != 0 || !File.Exists(Binary))
        {
            throw new InvalidOperationException("The Dockerfile's publish command failed:\n" + run);
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return Task.CompletedTask;
    }

    private static void CopyProject(string relative, string context)
    {
        var from = Path.Combine(RepoPaths.Root, relative);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (rel.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            {
                continue;
            }

            var target = Path.Combine(context, relative, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^RUN cd /src && (dotnet publish [^\r\n]*?) -o /out\s*$", RegexOptions.Multiline)]
    private static partial Regex PublishLine();
}
