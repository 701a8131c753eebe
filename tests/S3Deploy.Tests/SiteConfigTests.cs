using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Config;
using S3Deploy.Core.Website;

namespace S3Deploy.Tests;

/// <summary>"website", "public", "keepStale" and "cloudfront" in s3deploy.json, and how they reach DeployOptions.</summary>
public sealed class SiteConfigTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string json) => temp.Write("s3deploy.json", json);

    private DeployConfig Load(string json) => ConfigFile.Load(Write(json));

    [Fact]
    public void Full_site_config_maps_into_deploy_options()
    {
        var options = Load(ConfigSamples.EverySiteField).ToOptions(false);

        var website = Assert.IsType<WebsiteSettings>(options.Website);
        Assert.Equal(("home.html", "errors/404.html", true), (website.Index, website.Error, website.Spa));
        Assert.Equal(2, website.RoutingRules.Count);
        Assert.Equal(
            new WebsiteRoutingRule
            {
                KeyPrefixEquals = "docs/",
                HttpErrorCodeReturnedEquals = "404",
                Protocol = "https",
                HostName = "example.com",
                ReplaceKeyPrefixWith = "documents/",
                HttpRedirectCode = "301",
            },
            website.RoutingRules[0]);
        Assert.Equal(new WebsiteRoutingRule { ReplaceKeyWith = "gone.html" }, website.RoutingRules[1]);

        Assert.True(options.Public);
        Assert.Equal(TimeSpan.FromMinutes(90), options.KeepStale);

        var cloudfront = options.CloudFront;
        Assert.Equal(["E2QWRUHAPOMQZL", "E1ABCDEF"], cloudfront.Distributions);
        Assert.False(cloudfront.Wait);
        Assert.Equal(TimeSpan.FromMinutes(5), cloudfront.WaitTimeout);
        Assert.True(cloudfront.FailOnTimeout);
        Assert.Equal(40, cloudfront.MaxPaths);
        Assert.Equal("http://localhost:4999", cloudfront.EndpointUrl);

        options.Validate();
    }

    [Fact]
    public void Without_the_sections_there_is_no_website_no_public_access_no_keep_stale_and_no_distribution()
    {
        var options = Load("""{ "source": "site", "target": "s3://bucket-a" }""").ToOptions(false);

        Assert.Null(options.Website);
        Assert.False(options.Public);
        Assert.Equal(TimeSpan.Zero, options.KeepStale);
        Assert.Equal(new CloudFrontSettings(), options.CloudFront with { Distributions = new CloudFrontSettings().Distributions });
        Assert.Empty(options.CloudFront.Distributions);
    }

    [Fact]
    public void An_empty_website_object_gives_the_defaults()
    {
        var website = Assert.IsType<WebsiteSettings>(Load("""{ "source": "site", "target": "s3://bucket-a", "website": {} }""").ToOptions(false).Website);

        Assert.Equal("index.html", website.Index);
        Assert.Null(website.Error);
        Assert.False(website.Spa);
        Assert.Empty(website.RoutingRules);
    }

    [Fact]
    public void An_empty_cloudfront_object_gives_the_defaults()
    {
        var cloudfront = Load("""{ "source": "site", "target": "s3://bucket-a", "cloudfront": {} }""").ToOptions(false).CloudFront;

        Assert.Empty(cloudfront.Distributions);
        Assert.True(cloudfront.Wait);
        Assert.Equal(TimeSpan.FromMinutes(15), cloudfront.WaitTimeout);
        Assert.False(cloudfront.FailOnTimeout);
        Assert.Equal(25, cloudfront.MaxPaths);
        Assert.Null(cloudfront.EndpointUrl);
    }

    [Fact]
    public void Only_distributions_keeps_every_other_default()
    {
        var cloudfront = Load("""{ "source": "site", "target": "s3://bucket-a", "cloudfront": { "distributions": ["E123"] } }""").ToOptions(false).CloudFront;

        Assert.Equal(["E123"], cloudfront.Distributions);
        Assert.Equal((true, TimeSpan.FromMinutes(15), false, 25), (cloudfront.Wait, cloudfront.WaitTimeout, cloudfront.FailOnTimeout, cloudfront.MaxPaths));
    }

}
