using S3Deploy.Core.Headers;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

/// <summary>CopyObject refuses sources over 5 GiB; above that limit (lowered here to 6 MiB) copies go in parts.</summary>
public sealed class BigCopyTests(Servers servers) : ServerTest(servers)
{
    private const int MiB = 1024 * 1024;
    private const string NoPartCopy = "s3rver 3.7.1 answers UploadPartCopy (x-amz-copy-source on a part) with 501 NotImplemented";

    [Theory, OnS3rver(Skip = NoPartCopy), OnMoto]
    public async Task A_header_change_on_an_object_over_the_copy_limit_is_a_multipart_copy_that_sends_no_bytes(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        var big = new byte[(13 * MiB) + 5];
        new Random(7).NextBytes(big);
        site.Write("media/big.bin", big);
        var options = Options(site) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB, MaxCopySize = 6 * MiB, KeepReleases = 0 };
        await DeployAsync(options);
        var before = (await Bucket.ListAsync())["media/big.bin"];

        var changed = await DeployAsync(options with { Headers = new HeaderSettings { CacheControl = "public, max-age=60" } });
        var again = await DeployAsync(options with { Headers = new HeaderSettings { CacheControl = "public, max-age=60" } });

        Assert.Equal(["update-headers:headers:media/big.bin"], Describe(changed));
        Assert.Equal(0, changed.BytesUploaded);
        Assert.Equal("public, max-age=60", (await Bucket.HeadAsync("media/big.bin")).Headers.CacheControl);
        Assert.Equal(big, await Bucket.GetAsync("media/big.bin"));
        // Parts of 6 MiB: a new object of three parts, whose ETag says so ("<hash>-3", as S3 answers).
        var after = (await Bucket.ListAsync())["media/big.bin"];
        Assert.True(after.EndsWith("-3", StringComparison.Ordinal), $"{before} -> {after}");
        Assert.Empty(again.Actions);
    }

    [Theory, OnS3rver(Skip = NoPartCopy), OnMoto]
    public async Task A_kept_release_of_an_object_over_the_copy_limit_is_kept_and_restored_by_multipart_copies(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        var v1 = new byte[(13 * MiB) + 5];
        new Random(1).NextBytes(v1);
        site.Write("media/big.bin", v1);
        var options = Options(site) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB, MaxCopySize = 6 * MiB };
        await DeployAsync(options);
        var v2 = (byte[])v1.Clone();
        v2[^1] ^= 0xFF;
        site.Write("media/big.bin", v2);

        var second = await DeployAsync(options);
        await new Core.ReleaseManager().RollbackAsync(options, to: null);

        var kept = Assert.Single(second.Plan.History.Preserve);
        var stored = (await Bucket.ListAsync(".s3deploy/objects/"))[$".s3deploy/objects/{kept.Hash}"];
        Assert.True(stored.EndsWith("-3", StringComparison.Ordinal), stored);
        Assert.Equal(v1, await Bucket.GetAsync("media/big.bin"));
    }
}
