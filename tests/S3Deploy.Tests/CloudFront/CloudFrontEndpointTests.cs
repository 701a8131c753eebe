using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests.CloudFront;

public sealed class CloudFrontEndpointTests
{
    [Theory]
    [InlineData("https://cloudfront.amazonaws.com", "us-east-1")]
    [InlineData("https://cloudfront.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1")]
    [InlineData("http://127.0.0.1:4567/", "us-east-1")]
    public void Signing_region_follows_the_partition(string url, string region)
    {
        Assert.Equal(region, CloudFrontEndpoint.FromUrl(url).SigningRegion);
    }

    [Fact]
    public void An_explicit_region_wins()
    {
        Assert.Equal("eu-west-1", CloudFrontEndpoint.FromUrl("http://127.0.0.1:4567/", "eu-west-1").SigningRegion);
    }

    [Fact]
    public void Defaults_are_the_global_endpoint()
    {
        Assert.Equal(new Uri("https://cloudfront.amazonaws.com"), CloudFrontEndpoint.Global.BaseUri);
        Assert.Equal("us-east-1", CloudFrontEndpoint.Global.SigningRegion);
    }

    [Fact]
    public void A_relative_url_is_a_usage_error()
    {
        var e = Assert.Throws<DeployException>(() => CloudFrontEndpoint.FromUrl("cloudfront"));

        Assert.Equal(FailureKind.Usage, e.Kind);
    }

    [Fact]
    public async Task Unknown_profile_is_a_coded_usage_error()
    {
        var source = AwsCredentialSource.FromProfile("s3deploy-tests-no-such-profile-7f3a");

        var e = await Assert.ThrowsAsync<DeployException>(() => source(CancellationToken.None));

        Assert.Equal(DiagnosticCode.NoCredentials, e.Code);
    }
}
