using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>A file that changes between the scan and the end of its upload is reported (S3D022) and never recorded as deployed.</summary>
public sealed class ChangingFileTests(S3ServerFixture server) : ReliabilityTest(server)
{
    private const int Big = 3 * 1024 * 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Large_file_rewritten_while_it_is_uploaded_is_reported_and_not_recorded(bool serverChecksContentMd5)
    {
        var site = Site(("index.html", "<h1>home</h1>"));
        site.Write("big.bin", Bytes(Big, seed: 1));
        var proxy = Proxy();
        proxy.VerifyContentMd5 = serverChecksContentMd5;
        var rewritten = 0;
        proxy.Rule = r =>
        {
            if (r.IsUpload && r.Key == "big.bin" && Interlocked.Exchange(ref rewritten, 1) == 0)
            {
                // The upload has started: another writer (a build still running) rewrites the file, same size.
                site.Write("big.bin", Bytes(Big, seed: 2));
            }

            return null;
        };

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(Through(proxy, site)));

        Assert.Equal(DiagnosticCode.SourceChanged, e.Code);
        Assert.Contains("big.bin", e.Message);
        await AssertNotRecordedWrongAsync("big.bin");
        await DeployAsync(site);
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task File_that_grows_between_scan_and_upload_is_reported_and_not_recorded()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("app.js", "let a = 1;"));
        var options = Options(site);

        var e = await Assert.ThrowsAsync<DeployException>(() => new Deployer(new OnPlanned(() => site.Write("app.js", "let a = 1; let b = 2;"))).DeployAsync(options));

        Assert.Equal(DiagnosticCode.SourceChanged, e.Code);
        Assert.Contains("app.js", e.Message);
        await AssertNotRecordedWrongAsync("app.js");
        await DeployAsync(site);
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task Compressed_file_rewritten_before_its_upload_is_reported_and_not_recorded()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("app.css", "a{color:red}"));
        var options = Options(site) with { Headers = new HeaderSettings { Rules = [new HeaderRule(Glob.Parse("*.css")) { Compress = Compression.Gzip }] } };

        var e = await Assert.ThrowsAsync<DeployException>(() => new Deployer(new OnPlanned(() => site.Write("app.css", "a{color:tan}"))).DeployAsync(options));

        Assert.Equal(DiagnosticCode.SourceChanged, e.Code);
        Assert.Contains("app.css", e.Message);
        var manifest = await ManifestAsync();
        Assert.Null(manifest?.Find("app.css"));
        await DeployAsync(options);
        var plan = await DeployAsync(options with { DryRun = true });
        Assert.Empty(Describe(plan));
    }

    [Fact]
    public async Task Multipart_upload_of_a_file_rewritten_between_parts_is_aborted_and_not_recorded()
    {
        const int size = 11 * 1024 * 1024;
        var site = Site(("index.html", "<h1>home</h1>"));
        site.Write("video.bin", Bytes(size, seed: 3));
        var proxy = Proxy();
        proxy.VerifyContentMd5 = false;
        proxy.Rule = r =>
        {
            if (r.Operation == S3Operation.UploadPart && r.Query.Contains("partNumber=2", StringComparison.Ordinal))
            {
                site.Write("video.bin", Bytes(size, seed: 4));
            }

            return null;
        };
        var options = Through(proxy, site) with { PartSize = 5 * 1024 * 1024, MultipartThreshold = 5 * 1024 * 1024, Concurrency = 1 };

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(options));

        Assert.Equal(DiagnosticCode.SourceChanged, e.Code);
        Assert.DoesNotContain("video.bin", (await Bucket.ListAsync()).Keys);
        Assert.Contains(proxy.Log, l => l.Request.Operation == S3Operation.AbortMultipart);
        await AssertNotRecordedWrongAsync("video.bin");
        await DeployAsync(options with { Connection = Server.Connection });
        await AssertConvergedAsync(site);
    }

    private async Task AssertNotRecordedWrongAsync(string key)
    {
        await ManifestCheck.AssertTruthfulAsync(Bucket, "");
        var entry = (await ManifestAsync())?.Find(key);
        var listed = (await Bucket.ListAsync()).GetValueOrDefault(key);
        Assert.True(entry is null || entry.ETag != listed, $"The manifest claims '{key}' as deployed: {entry}");
    }

    private async Task<DeployManifest?> ManifestAsync() =>
        (await Bucket.ListAsync()).ContainsKey(DeployManifest.RelativeKey) ? DeployManifest.FromJson(await Bucket.GetAsync(DeployManifest.RelativeKey)) : null;

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private sealed class OnPlanned(Action action) : IDeployObserver
    {
        public void Planned(DeployPlan plan) => action();
    }
}
