using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests.CloudFront;

/// <summary>The invalidation part of the plan: which keys need one, and the paths per distribution through its origin.</summary>
public sealed class InvalidationPlannerTests
{
    private static readonly S3Target Www = new("my-site", "www");

    private static DistributionConfig Serving(string bucket, string originPath) =>
        new([new DistributionOrigin("o1", $"{bucket}.s3.us-east-1.amazonaws.com", originPath)], null);

    [Fact]
    public void Changed_and_deleted_keys_need_an_invalidation_and_new_ones_do_not()
    {
        var plan = Plan([Desired("a.css", "new bytes"), Desired("fresh.js", "x")], State([Remote("a.css", "old bytes"), Remote("gone.html", "g")]));

        var keys = InvalidationPlanner.ChangedKeys(plan.Actions, Www);

        Assert.Equal(["www/a.css", "www/gone.html"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Paths_go_through_the_origin_path_of_the_origin_that_serves_the_bucket()
    {
        var (invalidation, warning) = InvalidationPlanner.For("E1", Serving("my-site", "/www"), ["www/docs/index.html"], Www, "index.html", 25);

        Assert.Null(warning);
        Assert.Equal("E1", invalidation?.DistributionId);
        Assert.Equal(["/docs", "/docs/", "/docs/index.html"], invalidation?.Paths);
    }

    [Fact]
    public void A_distribution_without_an_origin_for_the_bucket_is_planned_from_the_root_with_a_warning()
    {
        var (invalidation, warning) = InvalidationPlanner.For("E1", Serving("other-bucket", ""), ["www/a.css"], Www, "index.html", 25);

        Assert.Equal(DiagnosticCode.NoOriginForBucket, warning?.Code);
        Assert.Equal(["/www/a.css"], invalidation?.Paths);
    }

    [Fact]
    public void Nothing_changed_plans_no_invalidation()
    {
        var (invalidation, _) = InvalidationPlanner.For("E1", Serving("my-site", "/www"), [], Www, "index.html", 25);

        Assert.Null(invalidation);
    }
}
