using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests;

/// <summary>A source folder and a folder outside it, removed after each test, scanned as a deploy scans them.</summary>
public abstract class ScanTest : IDisposable
{
    private protected TempFolder Site { get; } = new();

    private protected TempFolder Outside { get; } = new();

    public void Dispose()
    {
        Site.Dispose();
        Outside.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected static Task<ScanResult> Scan(string root, bool followSymlinks = false, params string[] excludes) =>
        new SiteScanner(ExcludeFilter.Parse(excludes), followSymlinks, DeployManifest.Folder).ScanAsync(root, CancellationToken.None);

    private protected static List<string> Keys(ScanResult scan) => scan.Files.Select(f => f.RelativeKey).ToList();
}
