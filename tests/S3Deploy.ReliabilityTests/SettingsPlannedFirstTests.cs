using System.Text;
using S3Deploy.Core.Diagnostics;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>Bucket settings are read and decided while planning, so a setting the deploy cannot handle stops it before any upload.</summary>
public sealed class SettingsPlannedFirstTests(S3ServerFixture server) : ReliabilityTest(server)
{
    [Fact]
    public async Task A_bucket_policy_that_is_not_JSON_is_refused_before_anything_is_uploaded()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("a.css", "a{}"));
        var proxy = Proxy();

        // s3rver has no policy API: the proxy plays a bucket without a public access block whose policy is not JSON
        // (S3 refuses such a policy on write; any body we cannot parse stands in for one).
        proxy.Rule = r => r.Method == "GET" && r.Query.Contains("publicAccessBlock", StringComparison.Ordinal)
            ? Fault.Error(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
            : r.Method == "GET" && r.Query.Contains("policy", StringComparison.Ordinal)
                ? Fault.Answer(200, Encoding.ASCII.GetBytes("not json"), ("Content-Type", "application/json"))
                : null;

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(Through(proxy, site) with { Public = true }));

        Assert.Equal((DiagnosticCode.PolicyNotJson, FailureKind.Refused), (e.Code, e.Kind));
        Assert.DoesNotContain(proxy.Log, entry => entry.Request.IsUpload && !entry.Request.IsLock);
        Assert.Empty((await Bucket.ListAsync()).Keys);
    }
}
