using S3Deploy.Core;
using S3Deploy.Core.CloudFront;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests.CloudFront;

/// <summary>A preview of a site behind CloudFront names its address under the distribution's domain (GetDistribution).</summary>
public sealed class PreviewUrlTests : ServerTest
{
    private const string Distribution = "E1PREVIEWEXAMPLE";
    private readonly FakeCloudFront cloudFront;

    public PreviewUrlTests(Servers servers)
        : base(servers)
    {
        cloudFront = Own(new FakeCloudFront("S3RVER", "S3RVER"));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_preview_behind_a_distribution_is_named_by_the_distributions_domain_through_its_origin_path(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name, originPath: "/site");
        var preview = Site(("index.html", "preview"));

        var result = await DeployAsync(PreviewSite.For(WithCloudFront(preview, "site"), "42"));

        Assert.Equal($"https://{FakeCloudFront.DomainName(Distribution)}/_previews/42/", result.PreviewUrl);
        Assert.Contains("site/_previews/42/index.html", (await Bucket.ListAsync()).Keys);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_deploy_of_the_target_itself_reads_no_domain_and_has_no_preview_url(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);

        var result = await DeployAsync(WithCloudFront(Site(("index.html", "home")), ""));

        Assert.Null(result.PreviewUrl);
    }

    private DeployOptions WithCloudFront(TempSite site, string prefix) => Options(site, prefix) with
    {
        CloudFront = new CloudFrontSettings { Distributions = [Distribution], EndpointUrl = cloudFront.Endpoint.ToString(), PollInterval = TimeSpan.FromMilliseconds(20) },
    };
}
