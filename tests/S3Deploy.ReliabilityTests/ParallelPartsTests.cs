using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>A large file's parts go up several at once, bounded across files by the concurrency, and a failed part aborts the upload.</summary>
public sealed class ParallelPartsTests(S3ServerFixture server) : ReliabilityTest(server)
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task A_part_that_keeps_failing_aborts_the_upload_completes_nothing_and_deletes_nothing()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("old.html", "old"));
        await DeployAsync(site);
        site.Delete("old.html");
        site.Write("video.bin", Bytes((20 * MiB) + 5, seed: 1));
        var proxy = Proxy();
        proxy.Rule = r => r.Operation == S3Operation.UploadPart && r.Query.Split('&').Contains("partNumber=3") ? Fault.InternalError : null;
        var options = Through(proxy, site) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB };

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(options));

        Assert.Equal(FailureKind.Service, e.Kind);
        Assert.Equal(DiagnosticCode.ServiceError, e.Code);
        Assert.Contains("video.bin", e.Message);
        Assert.Equal(5, proxy.Log.Count(l => l.Fault is not null));
        Assert.Contains(proxy.Log, l => l.Request.Operation == S3Operation.AbortMultipart);
        Assert.DoesNotContain(proxy.Log, l => l.Request.Operation is S3Operation.CompleteMultipart or S3Operation.DeleteObjects or S3Operation.Delete && !l.Request.IsLock);
        Assert.Empty(proxy.Multipart.Open);
        var keys = (await Bucket.ListAsync()).Keys;
        Assert.DoesNotContain("video.bin", keys);
        Assert.Contains("old.html", keys);

        await DeployAsync(options with { Connection = Server.Connection });
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task Parts_of_large_files_are_in_flight_together_but_never_more_than_the_concurrency()
    {
        const int concurrency = 6;
        var site = Site(("index.html", "<h1>home</h1>"));
        for (var i = 1; i <= 3; i++)
        {
            site.Write($"video{i}.bin", Bytes((15 * MiB) + i, seed: i));
        }

        var proxy = Proxy();
        var held = 0;
        var most = 0;
        proxy.Rule = r =>
        {
            if (r.Operation == S3Operation.UploadPart)
            {
                // Each part waits a while (or until one part too many arrives), so every part the deployer has in flight is
                // counted here at once: one part per file shows 3, four per file with no bound across files shows 12.
                var now = Interlocked.Increment(ref held);
                InterlockedMax(ref most, now);
                SpinWait.SpinUntil(() => Volatile.Read(ref held) > concurrency, TimeSpan.FromSeconds(2));
                Interlocked.Decrement(ref held);
            }

            return null;
        };
        var options = Through(proxy, site) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB, Concurrency = concurrency };

        await DeployAsync(options);

        Assert.Equal(12, proxy.Log.Count(l => l.Request.Operation == S3Operation.UploadPart));
        Assert.Equal(concurrency, Volatile.Read(ref most));
        await AssertConvergedAsync(site);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
