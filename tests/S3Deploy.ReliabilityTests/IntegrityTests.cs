using S3Deploy.Core.Headers;
using S3Deploy.Core.Scanning;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// Every upload carries the MD5 of its bytes, so a body corrupted on the way is refused rather than stored. s3rver
/// ignores Content-MD5 (it computes the MD5 of what it stores but never compares it), so the fault proxy checks it as
/// S3 does, answering 400 BadDigest.
/// </summary>
public sealed class IntegrityTests(S3ServerFixture server) : ReliabilityTest(server)
{
    [Fact]
    public async Task Every_object_part_and_manifest_upload_carries_Content_MD5()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("app.css", "a{color:red}"), ("empty.txt", ""));
        var big = new byte[11 * 1024 * 1024];
        new Random(5).NextBytes(big);
        site.Write("video.bin", big);
        var proxy = Proxy();
        var options = Through(proxy, site) with
        {
            PartSize = 5 * 1024 * 1024,
            MultipartThreshold = 5 * 1024 * 1024,
            Headers = new HeaderSettings { Rules = [new HeaderRule(S3Deploy.Core.Scanning.Glob.Parse("*.css")) { Compress = Compression.Gzip }] },
            Redirects = new Dictionary<string, string> { ["/old.html"] = "/index.html" },
        };

        await DeployAsync(options);

        var uploads = proxy.Log.Where(l => l.Request.IsUpload).Select(l => l.Request).ToList();
        Assert.Equal(3, uploads.Count(u => u.Operation == S3Operation.UploadPart));
        Assert.Contains(uploads, u => u.IsManifest);
        Assert.All(uploads, u => Assert.True(u.Headers.ContainsKey("content-md5"), $"{u.Method} {u.Key} has no Content-MD5"));
        Assert.Empty(proxy.Violations);
    }

    [Fact]
    public async Task Body_corrupted_in_transit_is_refused_not_stored_and_a_rerun_converges()
    {
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.js", "let version = 1;"), ("stale.txt", "old"));
        await DeployAsync(site);
        site.Write("app.js", "let version = 2;");
        site.Delete("stale.txt");
        var proxy = Proxy();
        proxy.Rule = r => r.IsUpload && r.Key == "app.js" ? Fault.FlipByte : null;

        var (code, _, stderr) = await CliAsync("deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", proxy.Endpoint);

        Assert.Equal(1, code);
        Assert.StartsWith("error S3D022: ", stderr);
        Assert.Contains("BadDigest", stderr);
        Assert.Equal("let version = 1;"u8.ToArray(), await Bucket.GetAsync("app.js"));
        Assert.Contains("stale.txt", (await Bucket.ListAsync()).Keys);
        await ManifestCheck.AssertTruthfulAsync(Bucket, "");

        await DeployAsync(site);
        await AssertConvergedAsync(site);
    }
}
