using Amazon.S3.Model;
using S3Deploy.Cli;
using S3Deploy.Core.Headers;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

/// <summary>Scenarios that need AWS services beside S3 (KMS, CloudFront), which moto serves on the same port.</summary>
public sealed class MotoServicesTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver(Skip = "s3rver has no KMS"), OnMoto]
    public async Task Objects_are_encrypted_with_a_kms_key_and_redeploy_as_no_ops(Emulator emulator)
    {
        await UseAsync(emulator);
        var key = await Servers.Moto.Api.CreateKmsKeyAsync();
        var site = Site(("index.html", "<h1>home</h1>"), ("a.css", "a{}"));
        var options = Options(site) with { Headers = new HeaderSettings { ServerSideEncryption = "aws:kms", SseKmsKeyId = key } };

        var first = await DeployAsync(options);
        var second = await DeployAsync(options);

        Assert.Equal(2, first.Uploaded);
        Assert.Empty(second.Actions);
        var head = await Bucket.HeadAsync("a.css");
        Assert.Equal("aws:kms", head.ServerSideEncryptionMethod.Value);
        Assert.Equal(key, head.ServerSideEncryptionKeyManagementServiceKeyId);
        Assert.Equal("a{}"u8.ToArray(), await Bucket.GetAsync("a.css"));
    }

    [Theory, OnS3rver(Skip = "s3rver has no CloudFront API (CloudFrontDeployTests covers both servers with a signature-checking double)"), OnMoto]
    public async Task Deploy_invalidates_a_moto_distribution_through_its_origin_path_once_per_deploy(Emulator emulator)
    {
        await UseAsync(emulator);
        var distribution = await Servers.Moto.Api.CreateDistributionAsync(Bucket.Name, "/www");
        var site = Site(("index.html", "v1"), ("docs/index.html", "d1"), ("same.js", "x"));

        var first = await RunAsync(site, distribution);
        var afterFirst = await Servers.Moto.Api.InvalidationsAsync(distribution);
        site.Write("docs/index.html", "d2");
        site.Write("index.html", "v2");
        var second = await RunAsync(site, distribution);

        Assert.True(first.Code == 0, first.Stderr);
        Assert.True(second.Code == 0, second.Stderr);
        Assert.DoesNotContain("S3D110", second.Stderr, StringComparison.Ordinal);
        Assert.Empty(afterFirst);
        var made = Assert.Single(await Servers.Moto.Api.InvalidationsAsync(distribution));
        Assert.Equal(["/", "/docs", "/docs/", "/docs/index.html", "/index.html"], made);
    }

    /// <summary>Waits: moto reports invalidations as COMPLETED where CloudFront says Completed, and both must end the wait.</summary>
    private async Task<(int Code, string Stderr)> RunAsync(TempSite site, string distribution)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["deploy", site.Path, $"s3://{Bucket.Name}/www", "--endpoint-url", Server.Endpoint, "--cloudfront", distribution, "--cloudfront-endpoint-url", Server.Endpoint, "--wait-timeout", "20s"];
        var code = await CliApp.RunAsync(args, stdout, stderr, interactive: false, CancellationToken.None);
        return (code, stderr.ToString());
    }
}
