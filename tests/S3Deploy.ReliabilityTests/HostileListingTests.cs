using System.Text;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// A server whose listing cannot be trusted to end, or to be complete, stops the deploy with a coded error before
/// anything in the bucket changes (a stale object that the incomplete listing would have hidden survives).
/// </summary>
public sealed class HostileListingTests(S3ServerFixture server) : ReliabilityTest(server)
{
    [Fact]
    public async Task Listing_that_repeats_its_continuation_token_fails_with_S3D023_and_changes_nothing()
    {
        var site = await DeployedSiteAsync();
        var proxy = Proxy();
        var lists = 0;
        // Bounded, so that a deployer that loops forever fails this test instead of hanging it.
        proxy.Rule = r => r.Operation == S3Operation.List
            ? Fault.Answer(200, Interlocked.Increment(ref lists) < 50 ? ListPage("token-1", truncated: true) : ListPage(null, truncated: false), ("Content-Type", "application/xml"))
            : null;

        var (code, _, stderr) = await CliAsync("deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", proxy.Endpoint);

        Assert.Equal(1, code);
        Assert.StartsWith("error S3D023: ", ErrorLine(stderr));
        Assert.Equal(2, proxy.Log.Count(e => e.Request.Operation == S3Operation.List));
        await AssertUnchangedAsync(proxy);
    }

    [Fact]
    public async Task Listing_truncated_without_a_token_fails_with_S3D024_and_the_stale_object_survives()
    {
        var site = await DeployedSiteAsync();
        var proxy = Proxy();
        proxy.Rule = r => r.Operation == S3Operation.List ? Fault.Answer(200, ListPage(token: null, truncated: true), ("Content-Type", "application/xml")) : null;

        var (code, _, stderr) = await CliAsync("deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", proxy.Endpoint);

        Assert.Equal(1, code);
        Assert.StartsWith("error S3D024: ", ErrorLine(stderr));
        await AssertUnchangedAsync(proxy);
    }

    [Theory]
    [InlineData(true, "S3D023")]
    [InlineData(false, "S3D024")]
    public async Task A_site_listed_in_key_ranges_keeps_both_checks_in_every_range(bool token, string code)
    {
        var site = await DeployedSiteAsync(extraFiles: 2500);
        var proxy = Proxy();
        var lists = 0;
        proxy.Rule = r => r.Operation == S3Operation.List
            ? Fault.Answer(200, Interlocked.Increment(ref lists) < 200 ? ListPage(token ? "token-1" : null, truncated: true) : ListPage(null, truncated: false), ("Content-Type", "application/xml"))
            : null;

        // Now and then one of these scripted answers never reaches the client (seen since the lock's requests share the
        // connections; the proxy's fault, not found yet): the SDK retries after the idle timeout, so keep that short.
        var (exit, _, stderr) = await CliAsync("deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", proxy.Endpoint, "--timeout", "5s");

        Assert.Equal(1, exit);
        Assert.StartsWith($"error {code}: ", ErrorLine(stderr));
        Assert.DoesNotContain(proxy.Log, e => e.Request.Method is "PUT" or "POST" or "DELETE" && !e.Request.IsLock);
    }

    /// <summary>Deployed with stale.html, which is then removed from the folder: a complete listing would delete it.</summary>
    private async Task<TempSite> DeployedSiteAsync(int extraFiles = 0)
    {
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.js", "let a = 1;"), ("stale.html", "stale"));
        for (var i = 0; i < extraFiles; i++)
        {
            site.Write($"page{i:D4}.html", $"{i}");
        }

        await DeployAsync(site);
        site.Delete("stale.html");
        site.Write("index.html", "<h1>v2</h1>");
        return site;
    }

    private async Task AssertUnchangedAsync(FaultProxy proxy)
    {
        Assert.DoesNotContain(proxy.Log, e => e.Request.Method is "PUT" or "POST" or "DELETE" && !e.Request.IsLock);
        Assert.Equal(["app.js", "index.html", "stale.html"], (await Bucket.ListAsync()).Keys.Where(k => !k.StartsWith(".s3deploy/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal("<h1>v1</h1>"u8.ToArray(), await Bucket.GetAsync("index.html"));
    }

    /// <summary>One page holding only app.js, as a hostile or broken server might answer every listing request.</summary>
    private byte[] ListPage(string? token, bool truncated) => Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>{Bucket.Name}</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>{(token is null ? "" : $"<NextContinuationToken>{token}</NextContinuationToken>")}<Contents><Key>app.js</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>&quot;0d9c2bdb1b1b2a2c0b2e4f6bf3b0e8a1&quot;</ETag><Size>10</Size><StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>""");

    private static string ErrorLine(string stderr) => stderr.Split('\n').Single(l => l.StartsWith("error ", StringComparison.Ordinal));
}
