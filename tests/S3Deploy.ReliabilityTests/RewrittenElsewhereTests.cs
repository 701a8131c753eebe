using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.IntegrationTests.Infrastructure;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// Another tool copies an object onto itself with other headers: same bytes, same ETag, so only its LastModified tells.
/// The next deploy checks it with HEAD and puts the headers back.
/// </summary>
public sealed class RewrittenElsewhereTests(S3ServerFixture server) : ReliabilityTest(server)
{
    [Fact]
    public async Task Object_rewritten_with_other_headers_by_another_tool_gets_its_headers_back()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("app.js", "let a = 1;"), ("style.css", "a{}"));
        await DeployAsync(site);
        var etag = (await Bucket.ListAsync())["app.js"];

        await RewriteHeadersIndependentlyAsync("app.js", "public, max-age=1", "text/plain");
        Assert.Equal(etag, (await Bucket.ListAsync())["app.js"]);

        var again = await DeployAsync(site);

        Assert.Contains("update-headers:headers:app.js", Describe(again));
        Assert.DoesNotContain(Describe(again), a => a.StartsWith("upload", StringComparison.Ordinal));
        var head = await Bucket.HeadAsync("app.js");
        Assert.Equal("text/javascript; charset=utf-8", head.Headers.ContentType);
        Assert.NotEqual("public, max-age=1", head.Headers.CacheControl);
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task Manifest_records_the_listed_times_and_a_later_no_op_deploy_sends_no_HEAD()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("app.js", "let a = 1;"));
        await DeployAsync(site);
        await DeployAsync(site);
        var proxy = Proxy();

        var again = await DeployAsync(Through(proxy, site));

        Assert.Empty(Describe(again));
        Assert.DoesNotContain(proxy.Log, e => e.Request.Operation is S3Operation.Head or S3Operation.Put);
        var manifest = DeployManifest.FromJson(await Bucket.GetAsync(DeployManifest.RelativeKey));
        Assert.NotNull(manifest);
        Assert.All(manifest.Objects.Values, e => Assert.NotNull(e.LastModified));
    }

    /// <summary>A plain SDK client, none of the deployer's code: CopyObject onto itself with REPLACE, as the AWS CLI does it.</summary>
    private async Task RewriteHeadersIndependentlyAsync(string key, string cacheControl, string contentType)
    {
        using var s3 = new AmazonS3Client(new AmazonS3Config { ServiceURL = Server.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

        // s3rver splits x-amz-copy-source on a literal '/', which the SDK escapes (see README, compatibility notes).
        s3.BeforeRequestEvent += (_, e) =>
        {
            if (e is Amazon.Runtime.WebServiceRequestEventArgs request && request.Headers.TryGetValue("x-amz-copy-source", out var source))
            {
                request.Headers["x-amz-copy-source"] = source.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            }
        };
        var copy = new CopyObjectRequest
        {
            SourceBucket = Bucket.Name,
            SourceKey = key,
            DestinationBucket = Bucket.Name,
            DestinationKey = key,
            MetadataDirective = S3MetadataDirective.REPLACE,
            ContentType = contentType,
        };
        copy.Headers.CacheControl = cacheControl;
        await s3.CopyObjectAsync(copy);
    }
}
