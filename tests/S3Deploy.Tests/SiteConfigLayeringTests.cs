using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests;

/// <summary>Site options from the command line laid over the file's sections field by field.</summary>
public sealed class SiteConfigLayeringTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string json) => temp.Write("s3deploy.json", json);

    private DeployConfig Load(string json) => ConfigFile.Load(Write(json));

    [Fact]
    public async Task Bad_keep_stale_from_the_command_line_names_the_option()
    {
        var (exit, _, err) = await CliRun.Run("plan", "x", "s3://bucket-a", "--keep-stale", "soon");

        Assert.Equal(2, exit);
        Assert.StartsWith($"error {DiagnosticCode.BadOption}: --keep-stale: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_spa_keeps_the_files_error_document_and_rules()
    {
        var file = Load(ConfigSamples.EverySiteField.Replace("\"spa\": true", "\"spa\": false", StringComparison.Ordinal));
        var cli = new DeployConfig { Website = new WebsiteConfig { Spa = true } };

        var merged = file.OverriddenBy(cli);

        Assert.True(merged.Website!.Spa);
        Assert.Equal("errors/404.html", merged.Website.Error);
        Assert.Equal("home.html", merged.Website.Index);
        Assert.Equivalent(file.Website!.RoutingRules, merged.Website.RoutingRules);
        var website = merged.ToOptions(false).Website!;
        Assert.Equal(("home.html", "errors/404.html", true), (website.Index, website.Error, website.Spa));
    }

    [Fact]
    public void Command_line_website_fields_override_the_files_one_by_one()
    {
        var file = Load(ConfigSamples.EverySiteField);
        var cli = new DeployConfig { Website = new WebsiteConfig { Index = "start.html", Error = "oops.html", Spa = false, RoutingRules = [] } };

        var merged = file.OverriddenBy(cli).Website!;

        Assert.Equal(("start.html", "oops.html", false), (merged.Index, merged.Error, merged.Spa));
        Assert.Empty(merged.RoutingRules!);
    }

    [Fact]
    public void Command_line_website_without_a_file_section_is_taken_as_is()
    {
        var file = Load("""{ "source": "site", "target": "s3://bucket-a" }""");
        var cli = new DeployConfig { Website = new WebsiteConfig { Error = "404.html" } };

        var website = file.OverriddenBy(cli).ToOptions(false).Website!;

        Assert.Equal(("index.html", "404.html", false), (website.Index, website.Error, website.Spa));
    }

    [Fact]
    public void Command_line_distributions_replace_the_files_and_keep_its_other_cloudfront_fields()
    {
        var file = Load(ConfigSamples.EverySiteField);
        var cli = new DeployConfig { Cloudfront = new CloudFrontConfig { Distributions = ["ECLI"] } };

        var cloudfront = file.OverriddenBy(cli).ToOptions(false).CloudFront;

        Assert.Equal(["ECLI"], cloudfront.Distributions);
        Assert.False(cloudfront.Wait);
        Assert.Equal(TimeSpan.FromMinutes(5), cloudfront.WaitTimeout);
        Assert.True(cloudfront.FailOnTimeout);
        Assert.Equal(40, cloudfront.MaxPaths);
        Assert.Equal("http://localhost:4999", cloudfront.EndpointUrl);
    }

    [Fact]
    public void Every_cloudfront_field_of_the_command_line_overrides_the_file()
    {
        var file = Load(ConfigSamples.EverySiteField);
        var cli = new DeployConfig
        {
            Cloudfront = new CloudFrontConfig { Distributions = [], Wait = true, WaitTimeout = "1m", FailOnTimeout = false, MaxPaths = 3, EndpointUrl = "http://other" },
        };

        var merged = file.OverriddenBy(cli).Cloudfront!;

        Assert.Empty(merged.Distributions!);
        Assert.Equal((true, "1m", false, 3, "http://other"), (merged.Wait, merged.WaitTimeout, merged.FailOnTimeout, merged.MaxPaths, merged.EndpointUrl));
    }

    [Fact]
    public void Command_line_public_and_keep_stale_override_the_file()
    {
        var file = Load(ConfigSamples.EverySiteField.Replace("\"public\": true", "\"public\": false", StringComparison.Ordinal));

        var options = file.OverriddenBy(new DeployConfig { Public = true, KeepStale = "2d" }).ToOptions(false);

        Assert.True(options.Public);
        Assert.Equal(TimeSpan.FromDays(2), options.KeepStale);
    }

    [Fact]
    public void Unset_command_line_sections_keep_the_files()
    {
        var file = Load(ConfigSamples.EverySiteField);

        var merged = file.OverriddenBy(new DeployConfig());

        Assert.Equal("home.html", merged.Website!.Index);
        Assert.Equal(["E2QWRUHAPOMQZL", "E1ABCDEF"], merged.Cloudfront!.Distributions!);
        Assert.True(merged.Public);
        Assert.Equal("1h30m", merged.KeepStale);
    }
}
