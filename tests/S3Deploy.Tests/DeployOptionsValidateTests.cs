using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

/// <summary>
/// What DeployOptions.Validate still checks: invariants only code can break. The rules for values a user gives (ranges,
/// routing rules, index document, durations) are the config validator's, tested by file (SiteConfigErrorTests,
/// ConfigFileValueTests) and by flag (OptionOriginTests).
/// </summary>
public class DeployOptionsValidateTests
{
    private static readonly DeployOptions Valid = new() { Source = "site", Target = new S3Target("bucket-a", "www") };

    private static void AssertBadOption(DeployOptions options, string message)
    {
        var e = Assert.Throws<DeployException>(options.Validate);

        Assert.Equal("S3D006", e.Code);
        Assert.Equal(FailureKind.Usage, e.Kind);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_the_smallest_part_s3_allows_are_valid()
    {
        Assert.Null(Record.Exception(Valid.Validate));
        Assert.Null(Record.Exception((Valid with { PartSize = DeployOptions.MinPartSize, MultipartThreshold = DeployOptions.MinPartSize }).Validate));
    }

    [Fact]
    public void A_part_below_five_mib_is_refused() =>
        AssertBadOption(Valid with { PartSize = DeployOptions.MinPartSize - 1 }, "part size must be at least 5 MiB");

    [Fact]
    public void A_multipart_threshold_below_the_part_size_is_refused() =>
        AssertBadOption(Valid with { MultipartThreshold = DeployOptions.DefaultPartSize - 1 }, "threshold must be at least the part size");

    [Fact]
    public void Site_options_at_their_limits_are_valid()
    {
        var config = new DeployConfig
        {
            Source = "site",
            Target = "s3://bucket-a/www",
            KeepStale = "0s",
            Public = true,
            Cloudfront = new CloudFrontConfig { MaxPaths = 1, Distributions = ["E123"] },
            Website = new WebsiteConfig
            {
                Index = "index.html",
                RoutingRules = [.. Enumerable.Range(0, 50).Select(i => new RoutingRuleConfig { Redirect = new RoutingRedirectConfig { ReplaceKeyWith = $"r{i}.html" } })],
            },
        };

        var options = config.ToOptions(dryRun: false);

        Assert.Equal(50, options.Website!.RoutingRules.Count);
        Assert.Null(Record.Exception(options.Validate));
    }
}
