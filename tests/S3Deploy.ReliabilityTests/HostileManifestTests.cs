using System.Text;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// A manifest that is too large for the listed keys, endless, or not valid is set aside with a warning: the deploy checks
/// headers with HEAD, as it does without a manifest, completes, and writes a good manifest for the next run.
/// </summary>
public sealed class HostileManifestTests(S3ServerFixture server) : ReliabilityTest(server)
{
    [Fact]
    public async Task Manifest_larger_than_the_listed_keys_justify_is_not_read_and_the_deploy_falls_back_to_HEAD()
    {
        var site = await DeployedSiteAsync();
        await Bucket.PutAsync(DeployManifest.RelativeKey, """{"version":1,"objects":{},"tool":" """ + new string(' ', 4 << 20) + "\"}", "application/json");
        var proxy = Proxy();

        var result = await DeployAsync(Through(proxy, site));

        Assert.StartsWith(DiagnosticCode.ManifestTooLarge + ": ", Assert.Single(result.Warnings).ToString());
        // The byte range asked for stops the server early; a server that ignores it is cut off by the reader.
        Assert.Contains(proxy.Log, e => e.Request.IsManifest && e.Request.Operation == S3Operation.Get && e.Request.Headers.ContainsKey("range"));
        await AssertFellBackAndRecoveredAsync(site, proxy);
    }

    [Fact]
    public async Task Endless_manifest_body_is_cut_off_at_the_limit_and_the_deploy_falls_back_to_HEAD()
    {
        var site = await DeployedSiteAsync();
        var proxy = Proxy();
        proxy.Rule = r => r.IsManifest && r.Operation == S3Operation.Get
            ? Fault.Answer(200, Encoding.ASCII.GetBytes(new string(' ', 64 * 1024)), ("Content-Type", "application/json")) with { Endless = true }
            : null;

        var result = await DeployAsync(Through(proxy, site));

        // The proxy answers the release record's GET the same way: that record is set aside with its own warning.
        Assert.StartsWith(DiagnosticCode.ManifestTooLarge + ": ", Assert.Single(result.Warnings, w => w.Code != DiagnosticCode.HistoryIncomplete).ToString());
        proxy.Rule = _ => null;
        await AssertFellBackAndRecoveredAsync(site, proxy);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"version":1,"objects":{"index.html":{"md5":"x","size":"big"}}}""")]
    [InlineData("""{"version":99,"objects":{}}""")]
    public async Task Manifest_that_is_not_valid_is_set_aside_with_a_warning(string body)
    {
        var site = await DeployedSiteAsync();
        await Bucket.PutAsync(DeployManifest.RelativeKey, body, "application/json");
        var proxy = Proxy();

        var result = await DeployAsync(Through(proxy, site));

        Assert.StartsWith(DiagnosticCode.ManifestInvalid + ": ", Assert.Single(result.Warnings).ToString());
        await AssertFellBackAndRecoveredAsync(site, proxy);
    }

    [Fact]
    public async Task Manifest_whose_bytes_contradict_its_etag_is_set_aside()
    {
        var site = await DeployedSiteAsync();
        var proxy = Proxy();
        // One byte changed on the way, inside a string, so the JSON still parses.
        proxy.Rule = r => r.IsManifest && r.Operation == S3Operation.Get ? Fault.Rewrite(text => text.Replace("\"tool\":\"s", "\"tool\":\"S", StringComparison.Ordinal)) : null;

        var result = await DeployAsync(Through(proxy, site));

        Assert.StartsWith(DiagnosticCode.ManifestInvalid + ": ", Assert.Single(result.Warnings).ToString());
        proxy.Rule = _ => null;
        await AssertFellBackAndRecoveredAsync(site, proxy);
    }

    private async Task<TempSite> DeployedSiteAsync()
    {
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.js", "let a = 1;"), ("style.css", "a{}"));
        await DeployAsync(site);
        return site;
    }

    /// <summary>The deploy HEADed the objects instead of trusting a manifest, wrote a new one, and the next run needs neither.</summary>
    private async Task AssertFellBackAndRecoveredAsync(TempSite site, FaultProxy proxy)
    {
        Assert.Equal(3, proxy.Log.Count(e => e.Request.Operation == S3Operation.Head));
        Assert.Contains(proxy.Log, e => e.Request.IsManifest && e.Request.Operation == S3Operation.Put);
        var before = proxy.Log.Count;

        var again = await DeployAsync(Through(proxy, site));

        Assert.Empty(again.Warnings);
        Assert.Empty(Describe(again));
        Assert.DoesNotContain(proxy.Log.Skip(before), e => e.Request.Operation == S3Operation.Head);
        await AssertConvergedAsync(site);
    }
}
