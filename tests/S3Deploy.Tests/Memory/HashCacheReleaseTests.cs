using S3Deploy.Tests.HashCaching;

namespace S3Deploy.Tests.Memory;

/// <summary>The hash cache is needed for the scan only; the plan that follows is where a deploy's memory peaks.</summary>
public sealed class HashCacheReleaseTests : HashCacheTest
{
    [StampedFilesFact]
    public async Task A_scan_lets_go_of_the_cache_entries_once_saved_and_the_next_scan_still_hits()
    {
        Site.Write("a.css", "a");
        Site.Write("b.css", "b");
        var (_, first) = await ScanAsync();

        var (scan, second) = await ScanAsync();

        Assert.Equal(0, first.Held);
        Assert.Equal(0, second.Held);
        Assert.Equal(2, scan.FromCache);
    }
}
