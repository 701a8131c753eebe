using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// Another tool rewrites an object with the same bytes and other headers: same ETag, so only its LastModified tells.
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
    public async Task Objects_nobody_rewrote_cost_no_HEAD_once_a_deploy_has_seen_them()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("app.js", "let a = 1;"));
        await DeployAsync(site);
        await DeployAsync(site);
        var proxy = Proxy();

        var again = await DeployAsync(Through(proxy, site));

        Assert.Empty(Describe(again));
        Assert.DoesNotContain(proxy.Log, e => e.Request.Operation is S3Operation.Head or S3Operation.Put && !e.Request.IsLock);
        Assert.Equal([S3Operation.Get, S3Operation.Put, S3Operation.Delete], proxy.Log.Where(e => e.Request.IsLock).Select(e => e.Request.Operation));
    }

    /// <summary>
    /// A plain SDK client, none of the deployer's code, PUTs the same bytes with other headers. (A copy onto itself would
    /// do on S3, which gives the copy a new LastModified; s3rver keeps the old one, see the README's compatibility notes.)
    /// </summary>
    private async Task RewriteHeadersIndependentlyAsync(string key, string cacheControl, string contentType)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = Server.Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
        };
        using var s3 = new AmazonS3Client(config);
        var bytes = await Bucket.GetAsync(key);
        var put = new PutObjectRequest { BucketName = Bucket.Name, Key = key, InputStream = new MemoryStream(bytes), ContentType = contentType, UseChunkEncoding = false };
        put.Headers.CacheControl = cacheControl;
        await s3.PutObjectAsync(put);
    }
}
