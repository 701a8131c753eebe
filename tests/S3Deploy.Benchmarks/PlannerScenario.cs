using System.Diagnostics;
using System.Globalization;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Benchmarks;

/// <summary>
/// A no-op deploy of N synthetic files through the real planner, holding what a deploy holds at its peak: the source
/// listing, the scan, the bucket's listing and manifest, the desired objects, the plan, the invalidation keys and the
/// manifest to write. Each N runs in a process of its own, so every peak RSS is that N's alone.
/// </summary>
internal static class PlannerScenario
{
    private static readonly int[] DefaultSizes = [100_000, 250_000, 500_000, 1_000_000];

    public static int Run(string[] sizes)
    {
        var ns = sizes.Length == 0 ? DefaultSizes : sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var baseline = Child(0);
        Console.WriteLine("| keys | plan time | plan CPU | of it GC pauses | managed heap after full GC | peak RSS | heap per key above N=0 | RSS per key above N=0 |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(Row(baseline, baseline));
        foreach (var n in ns)
        {
            Console.WriteLine(Row(Child(n), baseline));
        }

        return 0;
    }

    public static async Task<int> RunOneAsync(int n)
    {
        var manifestFile = Path.Combine(Path.GetTempPath(), $"s3deploy-bench-manifest-{Environment.ProcessId}.json");
        var listing = SyntheticSite.Listing(n);
        var scan = SyntheticSite.Scan(listing);
        var policy = new HeaderPolicy(new HeaderSettings(), MimeTypes.Default);
        var fingerprints = scan.Select(f => policy.Describe(f).Headers.Fingerprint()).ToList();
        var state = await SyntheticSite.BucketAsync(n, new KeyPool(listing.Select(f => f.Key)), i => fingerprints[i], manifestFile);
        File.Delete(manifestFile);
        fingerprints = null;
        GC.Collect();

        var pausedBefore = GC.GetTotalPauseDuration();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var desired = DesiredSite.Build(scan, policy, Compression.None, new Dictionary<string, string>());
        var probe = Planner.KeysToProbe(desired, state);
        var plan = Planner.Plan(desired, state, new Dictionary<string, ObjectHeaders>(), delete: true, _ => true, TimeSpan.Zero, DateTimeOffset.UtcNow);
        var invalidate = InvalidationPlanner.ChangedKeys(plan.Actions, S3Target.Parse("s3://bench/site/"));
        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), new HashSet<string>());
        clock.Stop();
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (plan.Actions.Count != 0 || probe.Count != 0 || invalidate.Count != 0 || manifest.Objects.Count != n)
        {
            throw new InvalidOperationException($"Not a no-op: {plan.Actions.Count} actions, {probe.Count} probes, {manifest.Objects.Count} manifest entries.");
        }

        var heap = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(listing);
        GC.KeepAlive(manifest);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} {clock.Elapsed.TotalMilliseconds:F0} {cpu.TotalMilliseconds:F0} {paused.TotalMilliseconds:F0} {heap} {peak}"));
        return 0;
    }

    private static Measurement Child(int n)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PlannerScenario).Assembly.Location);
        }

        start.ArgumentList.Add("planner-one");
        start.ArgumentList.Add(n.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child.");
        var line = child.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"planner-one {n} exited with {child.ExitCode}.");
        }

        var parts = line.Split(' ').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new Measurement((int)parts[0], TimeSpan.FromMilliseconds(parts[1]), TimeSpan.FromMilliseconds(parts[2]), TimeSpan.FromMilliseconds(parts[3]), parts[4], parts[5]);
    }

    private static string Row(Measurement m, Measurement baseline)
    {
        var heapPerKey = m.Keys == 0 ? "" : $"{(m.Heap - baseline.Heap) / m.Keys:N0} B";
        var rssPerKey = m.Keys == 0 ? "" : $"{(m.PeakRss - baseline.PeakRss) / m.Keys:N0} B";
        return string.Create(CultureInfo.InvariantCulture, $"| {m.Keys:N0} | {m.Elapsed.TotalSeconds:F2} s | {m.Cpu.TotalSeconds:F2} s | {m.Paused.TotalSeconds:F2} s | {Mb(m.Heap)} | {Mb(m.PeakRss)} | {heapPerKey} | {rssPerKey} |");
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F1} MB");

    private sealed record Measurement(int Keys, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Paused, long Heap, long PeakRss);
}
