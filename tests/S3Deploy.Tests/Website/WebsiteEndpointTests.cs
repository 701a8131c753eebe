using S3Deploy.Core;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Website;

namespace S3Deploy.Tests.Website;

public sealed class WebsiteEndpointTests
{
    [Theory]
    [InlineData("us-east-1", "http://my-site.s3-website-us-east-1.amazonaws.com/")]
    [InlineData("eu-west-1", "http://my-site.s3-website-eu-west-1.amazonaws.com/")]
    [InlineData("eu-central-1", "http://my-site.s3-website.eu-central-1.amazonaws.com/")]
    [InlineData("ap-south-1", "http://my-site.s3-website.ap-south-1.amazonaws.com/")]
    [InlineData("cn-northwest-1", "http://my-site.s3-website.cn-northwest-1.amazonaws.com.cn/")]
    public void Host_form_follows_the_region(string region, string url) =>
        Assert.Equal(url, WebsiteEndpoint.Url(new S3Target("my-site", ""), region, null));

    [Fact]
    public void Prefix_is_the_path() =>
        Assert.Equal("http://my-site.s3-website.eu-central-1.amazonaws.com/www/", WebsiteEndpoint.Url(new S3Target("my-site", "www"), "eu-central-1", null));

    [Fact]
    public void Custom_endpoint_is_served_path_style() =>
        Assert.Equal("http://127.0.0.1:9000/my-site/www/", WebsiteEndpoint.Url(new S3Target("my-site", "www"), "us-east-1", "http://127.0.0.1:9000/"));
}
