using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public sealed class PreviewSiteTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static DeployOptions Options(string prefix = "site") => new() { Source = "out", Target = new S3Target("bucket", prefix) };

    [Theory]
    [InlineData("site", "42", "site/_previews/42")]
    [InlineData("", "feature-x", "_previews/feature-x")]
    public void A_preview_deploys_to_its_folder_under_the_previews_prefix(string prefix, string name, string expected)
    {
        var options = PreviewSite.For(Options(prefix), name);

        Assert.Equal(new S3Target("bucket", expected), options.Target);
        Assert.Equal(name, options.Preview);
    }

    [Fact]
    public void Without_a_name_the_options_are_left_alone()
    {
        var options = Options();

        Assert.Same(options, PreviewSite.For(options, null));
    }

    [Fact]
    public void A_configured_previews_prefix_is_used()
    {
        var options = PreviewSite.For(Options() with { PreviewsPrefix = "pr/previews" }, "7");

        Assert.Equal("site/pr/previews/7", options.Target.Prefix);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("feature/x")]
    [InlineData("a b")]
    [InlineData("ünicode")]
    [InlineData("x\n")]
    public void An_unsafe_name_is_refused_with_its_code(string name)
    {
        var e = Assert.Throws<DeployException>(() => PreviewSite.For(Options(), name));

        Assert.Equal(DiagnosticCode.BadPreviewName, e.Code);
        Assert.Equal(FailureKind.Usage, e.Kind);
    }

    [Fact]
    public void A_name_longer_than_63_characters_is_refused() =>
        Assert.Equal(DiagnosticCode.BadPreviewName, Assert.Throws<DeployException>(() => PreviewSite.Check(new string('a', 64))).Code);

    [Fact]
    public void The_target_deploy_shields_keys_under_the_previews_prefix_and_a_preview_shields_none()
    {
        var target = Options();
        var preview = PreviewSite.For(target, "1");

        Assert.True(PreviewSite.IsShielded("_previews/1/index.html", target));
        Assert.False(PreviewSite.IsShielded("_previews.html", target));
        Assert.False(PreviewSite.IsShielded("index.html", target));
        Assert.False(PreviewSite.IsShielded("_previews/1/index.html", preview));
    }

    [Fact]
    public void The_previews_prefix_comes_from_s3deploy_json_without_its_slashes()
    {
        var path = temp.Write("s3deploy.json", """{ "source": "out", "target": "s3://bucket/site", "previews": { "prefix": "/pr/" } }""");

        Assert.Equal("pr", ConfigFile.Load(path).ToOptions(dryRun: false).PreviewsPrefix);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"a/../b\"")]
    [InlineData("\"a b\"")]
    public void A_bad_previews_prefix_names_its_line(string value)
    {
        var e = ConfigErrors.LoadFails(temp, $$"""
            {
              "previews": { "prefix": {{value}} }
            }
            """);

        ConfigErrors.AssertError(e, DiagnosticCode.ConfigBadValue, 2, "previews.prefix");
    }

    [Fact]
    public async Task The_cli_refuses_a_bad_preview_name_before_contacting_anything()
    {
        temp.Write("index.html", "x");

        var (exit, _, err) = await CliRun.Run("deploy", temp.Path, "s3://some-bucket", "--preview", "../x", "--endpoint-url", CliRun.DeadEndpoint);

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D080: The preview name '../x'", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "_previews/42", "https://d1.cloudfront.net/_previews/42/")]
    [InlineData("/site", "site/_previews/42", "https://d1.cloudfront.net/_previews/42/")]
    [InlineData("/site/", "site/_previews/a b", "https://d1.cloudfront.net/_previews/a%20b/")]
    [InlineData("", "site/_previews/42", "https://d1.cloudfront.net/site/_previews/42/")]
    [InlineData("/www", "site/_previews/42", null)]
    [InlineData("/sit", "site/_previews/42", null)]
    public void The_cloudfront_url_maps_the_folder_through_the_origin_path(string originPath, string prefix, string? expected)
    {
        Assert.Equal(expected, PreviewSite.CloudFrontUrl("d1.cloudfront.net", originPath, prefix));
    }
}
