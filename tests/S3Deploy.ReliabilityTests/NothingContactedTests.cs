using S3Deploy.Core.Diagnostics;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>A source that is missing, not a folder, or holds what cannot be deployed is refused before a single request reaches the bucket.</summary>
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

    [Fact]
    public async Task Prefix_with_no_room_for_the_manifest_key_sends_no_request()
    {
        var site = Site(("index.html", "x"));
        var proxy = Proxy();
        var options = Through(proxy, site, new string('p', 1005));

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(options));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Empty(proxy.Log);
    }

    [Fact]
    public async Task Key_too_long_under_the_prefix_sends_no_request()
    {
        var site = Site(("index.html", "x"), (new string('k', 200) + ".html", "x"));
        var proxy = Proxy();
        var options = Through(proxy, site, new string('p', 850));

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(options));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Contains("1024-byte", e.Message, StringComparison.Ordinal);
        Assert.Empty(proxy.Log);
    }

    [Fact]
    public async Task Unusable_file_name_sends_no_request()
    {
        var site = Site(("index.html", "x"), ("a\uFFFEb.html", "x"));
        var proxy = Proxy();

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(Through(proxy, site)));

        Assert.Equal(DiagnosticCode.BadSourceFile, e.Code);
        Assert.Empty(proxy.Log);
    }
}
