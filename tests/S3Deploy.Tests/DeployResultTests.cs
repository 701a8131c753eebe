using S3Deploy.Core;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Website;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>The result is the plan plus what landed; its counts are computed from those, never patched.</summary>
public sealed class DeployResultTests
{
    private static DeployPlan TwoUploadsAndADelete() =>
        Plan([Desired("index.html", "<h1>v2</h1>"), Desired("a.css", "a")], State([Remote("index.html", "<h1>v1</h1>"), Remote("old.js", "o")]));

    [Fact]
    public void A_dry_run_is_the_plan_with_its_invalidations_planned()
    {
        var plan = TwoUploadsAndADelete() with { Invalidations = [new PlannedInvalidation("E1", ["/index.html", "/old.js"])] };

        var result = DeployResult.Planned(plan, TimeSpan.Zero, []);

        Assert.Equal((2, 1, 0), (result.Uploaded, result.Deleted, result.Unchanged));
        var planned = Assert.Single(result.Invalidations);
        Assert.Equal(("E1", null, "Planned"), (planned.DistributionId, planned.Id, planned.Status));
        Assert.Equal(["/index.html", "/old.js"], planned.Paths);
    }

    [Fact]
    public void Deletes_held_back_count_as_kept_stale_and_not_as_deleted()
    {
        var plan = TwoUploadsAndADelete();

        var result = new DeployResult(plan, DryRun: false, TimeSpan.Zero, []) { Actions = [.. plan.Actions.Where(a => a.Kind != ActionKind.Delete)], HeldDeletes = 1 };

        Assert.Equal((2, 0, 1), (result.Uploaded, result.Deleted, result.KeptStale));
        Assert.Equal(plan.BytesToSend, result.BytesUploaded);
    }

    [Fact]
    public void A_website_change_alone_is_a_change_and_gives_the_url()
    {
        var same = Desired("a.css", "a");
        var unchanged = Plan([same], State([Remote("a.css", "a")], [("a.css", EntryFor(same, Remote("a.css", "a")))]));
        var website = new WebsiteChange(WebsiteChangeKind.Update, new WebsiteSettings { Spa = true }, "http://x/");

        var result = DeployResult.FromPlan(unchanged with { Website = website }, dryRun: false, TimeSpan.Zero, []);
        var same2 = DeployResult.FromPlan(unchanged with { Website = website with { Change = WebsiteChangeKind.None } }, dryRun: false, TimeSpan.Zero, []);

        Assert.Equal((false, "http://x/"), (result.ChangedNothing, result.WebsiteUrl));
        Assert.True(same2.ChangedNothing);
    }
}
