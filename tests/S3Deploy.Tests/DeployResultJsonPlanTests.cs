using System.Text.Json;
using S3Deploy.Cli.Output;
using S3Deploy.Core;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Website;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>The website, access and planned invalidations of a plan in the result JSON.</summary>
public sealed class DeployResultJsonPlanTests
{
    private static JsonElement Write(DeployPlan plan, bool dryRun = true)
    {
        using var doc = JsonDocument.Parse(DeployResultJson.Write(DeployResult.FromPlan(plan, dryRun, TimeSpan.Zero, [])));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Website_and_access_are_null_when_not_asked_for()
    {
        var root = Write(Plan([], EmptyBucket()));

        Assert.Equal(JsonValueKind.Null, root.GetProperty("website").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("access").ValueKind);
    }

    [Fact]
    public void Website_gives_the_change_the_documents_and_the_url()
    {
        var settings = new WebsiteSettings { Spa = true, RoutingRules = [new WebsiteRoutingRule { KeyPrefixEquals = "old/", ReplaceKeyPrefixWith = "new/" }] };
        var plan = Plan([], EmptyBucket()) with { Website = new WebsiteChange(WebsiteChangeKind.Create, settings, "http://b.s3-website-us-east-1.amazonaws.com/") };

        var website = Write(plan).GetProperty("website");

        Assert.Equal("create", website.GetProperty("change").GetString());
        Assert.Equal(("index.html", "index.html", true), (website.GetProperty("index").GetString(), website.GetProperty("error").GetString(), website.GetProperty("spa").GetBoolean()));
        Assert.Equal(1, website.GetProperty("routingRules").GetInt32());
        Assert.Equal("http://b.s3-website-us-east-1.amazonaws.com/", website.GetProperty("url").GetString());
    }

    [Fact]
    public void Access_gives_the_block_before_and_after_and_the_policy_change()
    {
        var block = new BlockChange(new AccessBlockFlags(true, true, true, true), new AccessBlockFlags(true, true, false, false));
        var policy = new PolicyChange(PolicyChangeKind.Add, ["S3DeployPublicRead", "S3DeployHideManifest"], 1);
        var access = Write(Plan([], EmptyBucket()) with { Access = new AccessChange(block, policy) }).GetProperty("access");

        var blockJson = access.GetProperty("publicAccessBlock");
        Assert.Equal("update", blockJson.GetProperty("change").GetString());
        Assert.True(blockJson.GetProperty("before").GetProperty("blockPublicPolicy").GetBoolean());
        Assert.False(blockJson.GetProperty("after").GetProperty("restrictPublicBuckets").GetBoolean());
        Assert.True(blockJson.GetProperty("after").GetProperty("ignorePublicAcls").GetBoolean());
        var policyJson = access.GetProperty("policy");
        Assert.Equal("add", policyJson.GetProperty("change").GetString());
        Assert.Equal(["S3DeployPublicRead", "S3DeployHideManifest"], policyJson.GetProperty("statementIds").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(1, policyJson.GetProperty("otherStatements").GetInt32());
    }

    [Fact]
    public void No_block_configured_is_null_before_and_after_with_no_change()
    {
        var access = new AccessChange(new BlockChange(null, null), new PolicyChange(PolicyChangeKind.None, ["A", "D"], 0));

        var block = Write(Plan([], EmptyBucket()) with { Access = access }).GetProperty("access").GetProperty("publicAccessBlock");

        Assert.Equal("none", block.GetProperty("change").GetString());
        Assert.Equal(JsonValueKind.Null, block.GetProperty("before").ValueKind);
        Assert.Equal(JsonValueKind.Null, block.GetProperty("after").ValueKind);
    }

    [Fact]
    public void A_plan_lists_its_invalidations_with_a_null_id_and_status_planned()
    {
        var plan = Plan([], EmptyBucket()) with { Invalidations = [new PlannedInvalidation("E1", ["/a.css"])] };

        var invalidation = Write(plan).GetProperty("invalidations")[0];

        Assert.Equal(JsonValueKind.Null, invalidation.GetProperty("id").ValueKind);
        Assert.Equal("Planned", invalidation.GetProperty("status").GetString());
        Assert.Equal("/a.css", invalidation.GetProperty("paths")[0].GetString());
    }
}
