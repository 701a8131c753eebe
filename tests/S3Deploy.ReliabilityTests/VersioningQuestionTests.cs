using S3Deploy.Core.Diagnostics;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// GetBucketVersioning, asked only by a deploy that records a release: a no-op does not ask, a refusal means the store,
/// and a server that claims versioning without giving version ids still keeps the old bytes.
/// </summary>
public sealed class VersioningQuestionTests(S3ServerFixture server) : ReliabilityTest(server)
{
    private static readonly byte[] Enabled = "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>Enabled</Status></VersioningConfiguration>"u8.ToArray();

    [Fact]
    public async Task A_changing_deploy_asks_once_and_a_no_op_does_not_ask()
    {
        var site = Site(("index.html", "<h1>v1</h1>"));
        var proxy = Proxy();

        await DeployAsync(Through(proxy, site));
        var first = proxy.Log.Count(IsVersioning);
        await DeployAsync(Through(proxy, site));

        // s3rver answers NotImplemented: one request, no retries, and the deploy goes on with the store.
        Assert.Equal(1, first);
        Assert.Equal(1, proxy.Log.Count(IsVersioning));
    }

    [Fact]
    public async Task Access_denied_on_the_versioning_question_keeps_old_bytes_in_the_store_without_a_warning()
    {
        await DeployAsync(Site(("index.html", "<h1>v1</h1>")));
        var proxy = Proxy();
        proxy.Rule = r => IsVersioning(r) ? Fault.AccessDenied : null;
        var site = Site(("index.html", "<h1>v2</h1>"));

        var result = await DeployAsync(Through(proxy, site));

        Assert.Empty(result.Warnings);
        Assert.False(result.Plan.History.Versioned);
        Assert.Single(result.Plan.History.Preserve);
        Assert.Contains((await Bucket.ListAsync(".s3deploy/objects/")).Keys, k => k.StartsWith(".s3deploy/objects/", StringComparison.Ordinal));
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task A_server_that_claims_versioning_but_gives_no_version_ids_warns_and_the_next_deploy_keeps_the_bytes()
    {
        var proxy = Proxy();
        proxy.Rule = r => IsVersioning(r) ? Fault.Answer(200, Enabled, ("Content-Type", "application/xml")) : null;

        var first = await DeployAsync(Through(proxy, Site(("index.html", "<h1>v1</h1>"))));
        var second = await DeployAsync(Through(proxy, Site(("index.html", "<h1>v2</h1>"))));

        Assert.True(first.Plan.History.Versioned);
        Assert.Contains(first.Warnings, w => w.Code == DiagnosticCode.HistoryIncomplete && w.Message.Contains("no version id", StringComparison.Ordinal));
        Assert.Equal("index.html", Assert.Single(second.Plan.History.Preserve).RelativeKey);
    }

    private static bool IsVersioning(ProxyRequest r) =>
        r.Method == "GET" && r.Key.Length == 0 && r.Query.TrimStart('?').Split('&').Any(p => p is "versioning" or "versioning=");

    private static bool IsVersioning((ProxyRequest Request, Fault? Fault) entry) => IsVersioning(entry.Request);
}
