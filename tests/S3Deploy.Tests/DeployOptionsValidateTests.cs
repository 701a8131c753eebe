using S3Deploy.Core;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Website;

namespace S3Deploy.Tests;

public class DeployOptionsValidateTests
{
    private static readonly DeployOptions Valid = new() { Source = "site", Target = new S3Target("bucket-a", "www") };

    private static WebsiteRoutingRule Rule(int i) => new() { ReplaceKeyWith = $"r{i}.html" };

    private static void AssertBadOption(DeployOptions options, string message)
    {
        var e = Assert.Throws<DeployException>(options.Validate);

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Equal("S3D006", e.Code);
        Assert.Equal(FailureKind.Usage, e.Kind);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_options_at_their_limits_are_valid()
    {
        var options = Valid with
        {
            KeepStale = TimeSpan.Zero,
            CloudFront = new CloudFrontSettings { MaxPaths = 1, Distributions = ["E123"] },
            Website = new WebsiteSettings { Index = "index.html", RoutingRules = Enumerable.Range(0, WebsiteSettings.MaxRoutingRules).Select(Rule).ToList() },
            Public = true,
        };

        Assert.Null(Record.Exception(options.Validate));
        Assert.Null(Record.Exception((Valid with { KeepStale = TimeSpan.FromDays(7), Website = null }).Validate));
    }

    [Fact]
    public void Negative_keep_stale_is_refused() =>
        AssertBadOption(Valid with { KeepStale = TimeSpan.FromSeconds(-1) }, "--keep-stale must not be negative");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Max_paths_below_one_is_refused(int maxPaths) =>
        AssertBadOption(Valid with { CloudFront = new CloudFrontSettings { MaxPaths = maxPaths } }, "maxPaths must be at least 1");

    [Fact]
    public void More_than_fifty_routing_rules_are_refused() =>
        AssertBadOption(
            Valid with { Website = new WebsiteSettings { RoutingRules = Enumerable.Range(0, 51).Select(Rule).ToList() } },
            "at most 50 website routing rules");

    [Theory]
    [InlineData("a/b.html")]
    [InlineData("/index.html")]
    [InlineData("")]
    public void Index_document_that_is_not_a_plain_file_name_is_refused(string index) =>
        AssertBadOption(Valid with { Website = new WebsiteSettings { Index = index } }, "website index document must be a plain file name");
}
