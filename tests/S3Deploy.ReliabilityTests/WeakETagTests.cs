using System.Text.RegularExpressions;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>A gateway between the deployer and S3 that weakens or garbles ETags: deploys still work and converge.</summary>
public sealed partial class WeakETagTests(S3ServerFixture server) : ReliabilityTest(server)
{
    [Fact]
    public async Task Weak_etags_from_a_gateway_deploy_and_a_redeploy_changes_nothing()
    {
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.js", "let a = 1;"));
        var proxy = Proxy();
        proxy.Rule = _ => Fault.Rewrite(text => QuotedETag().Replace(text, "W/$0"));

        await DeployAsync(Through(proxy, site));
        var again = await DeployAsync(Through(proxy, site));

        Assert.Contains(proxy.Log, e => e.Fault is not null && e.Request.Operation == S3Operation.List);
        Assert.Empty(Describe(again));
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task Garbled_etags_count_as_unknown_so_objects_are_uploaded_again_never_trusted()
    {
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.js", "let a = 1;"));
        await DeployAsync(site);
        var proxy = Proxy();
        proxy.Rule = _ => Fault.Rewrite(text => QuotedETag().Replace(text, "\"\""));

        var again = await DeployAsync(Through(proxy, site));

        Assert.Equal(["upload:content:app.js", "upload:content:index.html"], Describe(again));
        await AssertConvergedAsync(site);
    }

    /// <summary>A quoted ETag in a header ("…") or in listing XML (&amp;quot;…&amp;quot;).</summary>
    [GeneratedRegex("(\"|&quot;)[0-9a-fA-F]{32}(-[0-9]+)?(\"|&quot;)")]
    private static partial Regex QuotedETag();
}
