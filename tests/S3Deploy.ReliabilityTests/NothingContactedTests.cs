using S3Deploy.Core.Diagnostics;
using S3Deploy.IntegrationTests.Infrastructure;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>A source that is missing or not a folder is refused before a single request reaches the bucket.</summary>
public sealed class NothingContactedTests(S3ServerFixture server) : ReliabilityTest(server)
{
    [Fact]
    public async Task Missing_source_sends_no_request()
    {
        var site = Site(("index.html", "x"));
        var proxy = Proxy();
        var options = Through(proxy, site) with { Source = Path.Combine(site.Path, "no-such-folder") };

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(options));

        Assert.Equal(DiagnosticCode.SourceMissing, e.Code);
        Assert.Empty(proxy.Log);
    }

    [Fact]
    public async Task Source_that_is_a_file_sends_no_request()
    {
        var site = Site(("index.html", "x"));
        var proxy = Proxy();
        var options = Through(proxy, site) with { Source = site.FullPath("index.html") };

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(options));

        Assert.Equal(DiagnosticCode.SourceNotFolder, e.Code);
        Assert.Empty(proxy.Log);
    }
}
