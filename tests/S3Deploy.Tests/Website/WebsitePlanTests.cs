using Amazon.S3.Model;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Website;

namespace S3Deploy.Tests.Website;

/// <summary>The website part of the plan: decided from the configuration the bucket has, nothing written.</summary>
public sealed class WebsitePlanTests
{
    private const string Url = "http://my-site.s3-website-us-east-1.amazonaws.com/www/";
    private static readonly S3Target Www = new("my-site", "www");

    [Fact]
    public void A_bucket_without_a_website_configuration_gets_one_created()
    {
        var change = WebsiteConfigurations.Plan(new WebsiteSettings { Error = "404.html" }, current: null, Www, Url);

        Assert.Equal(WebsiteChangeKind.Create, change.Change);
        Assert.Equal(("index.html", "www/404.html"), (change.Desired.IndexDocumentSuffix, change.Desired.ErrorDocument));
        Assert.Equal(Url, change.Url);
    }

    [Fact]
    public void The_same_configuration_needs_no_change()
    {
        var current = new WebsiteConfiguration { IndexDocumentSuffix = "index.html", ErrorDocument = "www/404.html", RoutingRules = [] };

        var change = WebsiteConfigurations.Plan(new WebsiteSettings { Error = "404.html" }, current, Www, Url);

        Assert.Equal(WebsiteChangeKind.None, change.Change);
        Assert.False(change.Changes);
    }

    [Fact]
    public void Another_configuration_is_updated_and_kept_as_the_current_one()
    {
        var current = new WebsiteConfiguration { IndexDocumentSuffix = "index.html", ErrorDocument = "www/404.html" };

        var change = WebsiteConfigurations.Plan(new WebsiteSettings { Spa = true }, current, Www, Url);

        Assert.Equal(WebsiteChangeKind.Update, change.Change);
        Assert.Same(current, change.Current);
        Assert.Equal("www/index.html", change.Desired.ErrorDocument);
    }
}
