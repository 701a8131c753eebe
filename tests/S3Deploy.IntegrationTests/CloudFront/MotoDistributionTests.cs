using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Edge;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests.CloudFront;

/// <summary>
/// moto's CloudFront as a second opinion on what hosting sends: it parses UpdateDistribution by the service's shapes and
/// wants If-Match. It has no Functions API and keeps no function associations, so the hosting deploy itself runs against
/// the signature-checking double (HostingDeployTests); here the edited config and GetDistribution meet moto.
/// </summary>
public sealed class MotoDistributionTests(Servers servers) : ServerTest(servers)
{
    private const string Skip = "s3rver has no CloudFront API (HostingDeployTests runs hosting against the signature-checking double)";

    [Theory, OnS3rver(Skip = Skip), OnMoto]
    public async Task Moto_takes_the_hosting_edit_of_a_config_back_with_If_Match_and_keeps_what_it_models(Emulator emulator)
    {
        await UseAsync(emulator);
        var distribution = await Servers.Moto.Api.CreateDistributionAsync(Bucket.Name, "/www");
        var client = Client();
        var (config, etag) = await client.GetDistributionConfigXmlAsync(distribution, CancellationToken.None);

        var (edited, changes) = DistributionEdit.Apply(config, $"arn:aws:cloudfront::123456789012:function/s3deploy-{distribution}", "404.html", null, "67f7725c-6f97-4210-82d7-5512b31e9d03");
        await client.UpdateDistributionAsync(distribution, edited, etag, CancellationToken.None);
        var (after, _) = await client.GetDistributionConfigXmlAsync(distribution, CancellationToken.None);
        var (domain, read) = await client.GetDistributionAsync(distribution, CancellationToken.None);

        Assert.NotEmpty(changes);
        Assert.Equal("67f7725c-6f97-4210-82d7-5512b31e9d03", (string?)after.Element(CloudFrontXml.Ns + "DefaultCacheBehavior")?.Element(CloudFrontXml.Ns + "ResponseHeadersPolicyId"));
        Assert.Equal("/www", Assert.Single(read.Origins).OriginPath);
        Assert.EndsWith(".cloudfront.net", domain, StringComparison.Ordinal);
    }

    private CloudFrontClient Client() =>
        new(Own(new HttpClient(new SocketsHttpHandler { UseProxy = false })), AwsCredentialSource.Fixed("moto", "moto"), CloudFrontEndpoint.FromUrl(Server.Endpoint));
}
