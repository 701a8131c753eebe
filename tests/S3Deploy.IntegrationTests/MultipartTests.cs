using System.Security.Cryptography;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class MultipartTests(Servers servers) : ServerTest(servers)
{
    private const int MiB = 1024 * 1024;

    [Theory, OnS3rver, OnMoto]
    public async Task File_above_the_multipart_threshold_is_unchanged_on_the_next_deploy(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        var big = new byte[(11 * MiB) + 123];
        new Random(42).NextBytes(big);
        site.Write("video/intro.bin", big);
        site.Write("index.html", "<video src=video/intro.bin>");
        var options = Options(site) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB };

        var first = await DeployAsync(options);
        var etag = (await Bucket.ListAsync())["video/intro.bin"];
        var second = await DeployAsync(options);

        Assert.Equal(2, first.Uploaded);
        // S3 and moto answer a multipart upload with "<MD5 of the parts' MD5s>-<parts>"; s3rver gives the whole file's MD5.
        Assert.Equal(emulator == Emulator.S3rver ? Md5(big) : MultipartETag(big, 5 * MiB), etag);
        Assert.Empty(second.Actions);
        Assert.Equal(big, await Bucket.GetAsync("video/intro.bin"));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Changed_multipart_file_is_uploaded_again(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        var big = new byte[6 * MiB];
        site.Write("big.bin", big);
        var options = Options(site) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB };
        await DeployAsync(options);
        big[^1] = 1;
        site.Write("big.bin", big);

        var result = await DeployAsync(options);

        Assert.Equal(["upload:content:big.bin"], Describe(result));
        Assert.Equal(big, await Bucket.GetAsync("big.bin"));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Multipart_file_rewritten_at_the_same_size_and_time_is_uploaded_again(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        var big = new byte[6 * MiB];
        site.Write("big.bin", big);
        var options = Options(site) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB };
        await DeployAsync(options);
        var written = File.GetLastWriteTimeUtc(site.FullPath("big.bin"));
        big[MiB] = 7;
        site.Write("big.bin", big);
        File.SetLastWriteTimeUtc(site.FullPath("big.bin"), written);

        var result = await DeployAsync(options);

        Assert.Equal(["upload:content:big.bin"], Describe(result));
        Assert.Equal(big, await Bucket.GetAsync("big.bin"));
        Assert.Empty((await DeployAsync(options)).Actions);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Several_large_files_sent_as_parallel_parts_arrive_whole_and_are_not_sent_again(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        // Four parts, three and a bit, two: part counts above, at and below the four a file may have in flight.
        var files = new Dictionary<string, byte[]> { ["a.bin"] = Random((20 * MiB) + 1, 1), ["b.bin"] = Random((15 * MiB) + 4321, 2), ["c.bin"] = Random(10 * MiB, 3) };
        foreach (var (name, bytes) in files)
        {
            site.Write(name, bytes);
        }

        var options = Options(site) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB, Concurrency = 6 };

        var first = await DeployAsync(options);
        var second = await DeployAsync(options);

        Assert.Equal(3, first.Uploaded);
        Assert.Empty(second.Actions);
        var listed = await Bucket.ListAsync();
        foreach (var (name, bytes) in files)
        {
            Assert.Equal(bytes, await Bucket.GetAsync(name));
            Assert.Equal(emulator == Emulator.S3rver ? Md5(bytes) : MultipartETag(bytes, 5 * MiB), listed[name]);
        }
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Multipart_file_is_sent_whole_with_one_request_at_a_time(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        var big = Random((12 * MiB) + 7, 4);
        site.Write("big.bin", big);
        var options = Options(site) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB, Concurrency = 1 };

        var first = await DeployAsync(options);

        Assert.Equal(["upload:new:big.bin"], Describe(first));
        Assert.Equal(big, await Bucket.GetAsync("big.bin"));
        Assert.Empty((await DeployAsync(options)).Actions);
    }

    private static byte[] Random(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    private static string MultipartETag(byte[] bytes, int partSize)
    {
        var parts = bytes.Chunk(partSize).Select(MD5.HashData).ToList();
        return $"{Convert.ToHexStringLower(MD5.HashData(parts.SelectMany(p => p).ToArray()))}-{parts.Count}";
    }
}
