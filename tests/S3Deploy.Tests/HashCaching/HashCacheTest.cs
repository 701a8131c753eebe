using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests.HashCaching;

/// <summary>A source folder and a cache folder of its own, scanned as a deploy scans them.</summary>
public abstract class HashCacheTest : IDisposable
{
    private protected TempFolder Site { get; } = new();

    private protected TempFolder Caches { get; } = new();

    public void Dispose()
    {
        Site.Dispose();
        Caches.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected string RealRoot => Listing().RealRoot;

    /// <summary>The cache of <see cref="Site"/>; by default with no settling time, so files just written are cached too.</summary>
    private protected HashCache Open(TimeSpan settle = default, string? folder = null) =>
        HashCache.Open(RealRoot, folder ?? Caches.Path, settle)!;

    private protected async Task<(ScanResult Scan, HashCache Cache)> ScanAsync(TimeSpan settle = default, string? folder = null)
    {
        var cache = Open(settle, folder);
        return (await SiteScanner.HashAsync(Listing(), CancellationToken.None, cache), cache);
    }

    private protected string CacheFile => HashCacheFolder.FileFor(Caches.Path, RealRoot);

    private protected static string Md5Of(ScanResult scan, string key) => Assert.Single(scan.Files, f => f.RelativeKey == key).Md5Hex;

    private SourceListing Listing() => new SiteScanner(ExcludeFilter.Parse([]), false, DeployManifest.Folder).List(Site.Path);
}
