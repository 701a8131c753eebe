using System.Text.Json;
using S3Deploy.Cli.Output;
using S3Deploy.Core;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Website;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>The keptStale, websiteUrl and invalidations parts of the result JSON.</summary>
public class DeployResultJsonSiteTests
{
    private static DeployResult Result() => DeployResult.FromPlan(Plan([], EmptyBucket()), dryRun: false, TimeSpan.Zero, []);

    private static JsonElement Write(DeployResult result)
    {
        using var doc = JsonDocument.Parse(DeployResultJson.Write(result));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Kept_stale_count_comes_from_the_plan()
    {
        var plan = Planner.Plan([], State([Remote("a.js", "1"), Remote("b.js", "2")]), NoProbes, true, _ => true, TimeSpan.FromHours(24), DateTimeOffset.UnixEpoch);
        var result = DeployResult.FromPlan(plan, dryRun: false, TimeSpan.Zero, []);

        var root = Write(result);

        Assert.Equal(2, result.KeptStale);
        Assert.Equal(2, root.GetProperty("keptStale").GetInt32());
        Assert.Equal(0, root.GetProperty("deleted").GetInt32());
        Assert.Equal(0, root.GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public void Kept_stale_is_zero_by_default()
    {
        Assert.Equal(0, Write(Result()).GetProperty("keptStale").GetInt32());
    }

    [Fact]
    public void Website_url_is_written_as_a_string()
    {
        var website = new WebsiteChange(WebsiteChangeKind.None, new WebsiteSettings(), "http://my-site.s3-website-us-east-1.amazonaws.com/www/");
        var root = Write(DeployResult.FromPlan(Plan([], EmptyBucket()) with { Website = website }, dryRun: false, TimeSpan.Zero, []));

        Assert.Equal("http://my-site.s3-website-us-east-1.amazonaws.com/www/", root.GetProperty("websiteUrl").GetString());
    }

    [Fact]
    public void Website_url_is_null_without_website_hosting()
    {
        var url = Write(Result()).GetProperty("websiteUrl");

        Assert.Equal(JsonValueKind.Null, url.ValueKind);
    }

    [Fact]
    public void Invalidations_are_empty_by_default()
    {
        var invalidations = Write(Result()).GetProperty("invalidations");

        Assert.Equal(JsonValueKind.Array, invalidations.ValueKind);
        Assert.Equal(0, invalidations.GetArrayLength());
    }

    [Fact]
    public void Invalidations_carry_distribution_id_status_and_paths()
    {
        var result = Result() with
        {
            Invalidations =
            [
                new InvalidationResult("E2QWRUHAPOMQZL", "I2J0I21PCUYOIK", ["/index.html", "/", "/docs/*"], "Completed"),
                new InvalidationResult("E1ABCDEF", null, ["/caf%C3%A9.html"], "Planned"),
            ],
        };

        var invalidations = Write(result).GetProperty("invalidations").EnumerateArray().ToList();

        Assert.Equal(2, invalidations.Count);
        var made = invalidations[0];
        Assert.Equal(["distributionId", "id", "status", "paths"], made.EnumerateObject().Select(p => p.Name));
        Assert.Equal("E2QWRUHAPOMQZL", made.GetProperty("distributionId").GetString());
        Assert.Equal("I2J0I21PCUYOIK", made.GetProperty("id").GetString());
        Assert.Equal("Completed", made.GetProperty("status").GetString());
        Assert.Equal(["/index.html", "/", "/docs/*"], made.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));

        var planned = invalidations[1];
        Assert.Equal("E1ABCDEF", planned.GetProperty("distributionId").GetString());
        Assert.Equal(JsonValueKind.Null, planned.GetProperty("id").ValueKind);
        Assert.Equal("Planned", planned.GetProperty("status").GetString());
        Assert.Equal(["/caf%C3%A9.html"], planned.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void Invalidation_with_no_paths_has_an_empty_array()
    {
        var entry = Write(Result() with { Invalidations = [new InvalidationResult("E1", "I1", [], "InProgress")] }).GetProperty("invalidations")[0];

        Assert.Equal(JsonValueKind.Array, entry.GetProperty("paths").ValueKind);
        Assert.Equal(0, entry.GetProperty("paths").GetArrayLength());
        Assert.Equal("InProgress", entry.GetProperty("status").GetString());
    }
}
