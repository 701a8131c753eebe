using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using S3Deploy.Core.Releases;
using S3Deploy.Core.Remote;

namespace S3Deploy.Benchmarks;

/// <summary>
/// What a changing deploy holds of the kept release records: 4 records of N keys (consecutive releases, each one key
/// apart, as a site changed one file at a time), read whole as the deploy used to, as streams of content ids, and as
/// streams that share the listed ETag strings. Managed heap held after a full GC, above the listing and the record bytes.
/// </summary>
internal static class KeptRecordsScenario
{
    private const int Records = 4;

    public static async Task<int> RunAsync(string[] sizes)
    {
        Console.WriteLine("| keys | read as | held after full GC | per key | allocated while reading | time |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: |");
        foreach (var n in sizes.Length == 0 ? [100_000] : sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            var listed = Enumerable.Range(0, n).ToDictionary(Key, i => new RemoteObject(Key(i), 100, Md5(i, 0)), StringComparer.Ordinal);
            var bodies = Enumerable.Range(0, Records).Select(r => Body(n, r)).ToList();
            await Measure(n, "whole records", async () => await Task.WhenAll(bodies.Select(b => JsonSerializer.DeserializeAsync(new MemoryStream(b), ReleaseJson.Default.ReleaseRecord).AsTask())));
            await Measure(n, "content ids", () => Hashes(bodies, null));
            await Measure(n, "content ids sharing listed ETags", () => Hashes(bodies, listed));
            GC.KeepAlive(listed);
        }

        return 0;
    }

    private static async Task<object> Hashes(List<byte[]> bodies, Dictionary<string, RemoteObject>? listed)
    {
        var references = new ReleaseReferences();
        for (var r = 0; r < bodies.Count; r++)
        {
            await new ReleaseHashReader($"r{r}", references, listed).ReadAsync(new MemoryStream(bodies[r]), CancellationToken.None);
        }

        return references;
    }

    private static async Task Measure(int n, string how, Func<Task<object>> read)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var held = await read();
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        Console.WriteLine($"| {n:N0} | {how} | {(after - before) / 1e6:F1} MB | {(after - before) / n:N0} B | {allocated / 1e6:F0} MB | {clock.Elapsed.TotalSeconds:F2} s |");
    }

    /// <summary>Release r holds what is listed, but for key r: each release one change away from the others.</summary>
    private static byte[] Body(int n, int r)
    {
        var objects = Enumerable.Range(0, n).ToDictionary(Key, i => new ReleaseObject(i == r ? Md5(i, r + 1) : Md5(i, 0), 100, "fp"), StringComparer.Ordinal);
        var headers = new Dictionary<string, ReleaseHeaders>(StringComparer.Ordinal) { ["fp"] = new("text/plain", null, null, null, null, null, null, null, null) };
        var record = new ReleaseRecord(ReleaseRecord.CurrentVersion, $"r{r}", DateTimeOffset.UnixEpoch, "bench", null, null, null, new ReleaseCounts(n, 1, 0, 0, 0), objects, headers);
        return JsonSerializer.SerializeToUtf8Bytes(record, ReleaseJson.Default.ReleaseRecord);
    }

    private static string Key(int i) => $"d{i / 1000:D3}/f{i:D6}.txt";

    private static string Md5(int i, int version) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{i} {version}")));
}
