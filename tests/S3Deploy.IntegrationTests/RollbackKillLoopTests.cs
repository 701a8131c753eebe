using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using S3Deploy.Cli;
using S3Deploy.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace S3Deploy.IntegrationTests;

/// <summary>
/// Rollbacks (and deploys between them) run as the real CLI and killed with SIGKILL at random points: after every kill each
/// kept release can still be restored, and the same command run again makes the prefix exactly its target, bytes and headers.
/// </summary>
public sealed class RollbackKillLoopTests(Servers servers, ITestOutputHelper output) : ServerTest(servers)
{
    private const string Prefix = "web";

    [Theory, OnS3rver(Skip = ReleaseTests.S3rverCopyKeepsOldETag), OnMoto]
    public async Task Rollbacks_killed_at_random_points_keep_every_release_restorable_and_a_rerun_lands_exactly_on_the_target(Emulator emulator)
    {
        await UseAsync(emulator);
        var random = new Random(16);
        var site = Own(new TempSite());
        for (var i = 0; i < 12; i++)
        {
            site.Write(Name(i), $"{i}:v0");
        }

        site.Write("index.html", "<h1>v0</h1>");
        site.Write("style.css", "body{color:red}");

        // What each release looks like, read back with the SDK when it was made: a rollback to it must give exactly this.
        var snapshots = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        for (var v = 1; v <= 4; v++)
        {
            Change(site, random, v);
            await RunToEndAsync(DeployArgs(site, v));
            snapshots[await LiveIdAsync()] = await SnapshotAsync();
        }

        string[] ops = ["back", "deploy", "to", "back", "back", "to", "deploy", "to"];
        var (killed, finished) = (0, 0);
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < ops.Length; round++)
        {
            var ids = await IdsAsync();
            var before = snapshots[ids[0]];
            var target = ops[round] switch
            {
                "back" => ids[1],
                "to" => ids.Skip(1).Where(id => snapshots.TryGetValue(id, out var s) && !Same(s, before)).OrderBy(_ => random.Next()).First(),
                _ => null,
            };
            if (ops[round] == "deploy")
            {
                Change(site, random, 10 + round);
            }

            string[] args = ops[round] switch
            {
                "back" => ["rollback", $"s3://{Bucket.Name}/{Prefix}"],
                "to" => ["rollback", $"s3://{Bucket.Name}/{Prefix}", "--to", target!],
                _ => DeployArgs(site, 10 + round),
            };

            // A kill after a random number of output lines lands anywhere from the listing, through the copies into the store,
            // the restores and the deletes, to the manifest and the record; every fourth run is left to finish.
            var killAfter = round % 4 == 3 ? int.MaxValue : random.Next(0, 14);
            var lines = await RunAndKillAsync(args, killAfter);
            if (lines < killAfter)
            {
                finished++;
            }
            else
            {
                killed++;
            }

            var records = await HistoryCheck.AssertRestorableAsync(Bucket, Prefix);

            // Run again as a user would, unless the killed run had already recorded its release: a bare rollback would then go back once more.
            var recorded = (await IdsAsync())[0] != ids[0];
            if (!recorded)
            {
                await RunToEndAsync(args);
            }

            var snapshot = await SnapshotAsync();
            if (target is not null)
            {
                Assert.Equal(snapshots[target], snapshot);
            }
            else
            {
                await AssertBucketMatchesAsync(site, Prefix);
            }

            // The newest record is the bucket as it now is, so the next bare rollback goes back from here.
            var live = await LiveIdAsync();
            Assert.NotEqual(ids[0], live);
            Assert.Equal(await RecordedAsync(live), snapshot);
            snapshots[live] = snapshot;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s round {round} {ops[round]} {target}: {(lines < killAfter ? "finished" : $"killed after {lines} lines")}, {records} records restorable{(recorded ? ", its release recorded by the run itself" : "")}");
        }

        await HistoryCheck.AssertRestorableAsync(Bucket, Prefix);
        Assert.True(killed >= 4, $"only {killed} of {ops.Length} runs were killed");
        Assert.True(finished >= 2, $"only {finished} of {ops.Length} runs finished");
    }

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) => a.Count == b.Count && a.All(e => b.GetValueOrDefault(e.Key) == e.Value);

    private static string Name(int i) => $"d{i % 3}/f{i:D2}.txt";

    /// <summary>A handful of files change, some back to an earlier content (so releases share bytes), one goes, one comes.</summary>
    private static void Change(TempSite site, Random random, int version)
    {
        var keys = site.Keys().Where(k => k.StartsWith('d')).ToList();
        foreach (var key in keys.OrderBy(_ => random.Next()).Take(5))
        {
            site.Write(key, $"{key}:v{random.Next(3)}");
        }

        site.Delete(keys[random.Next(keys.Count)]);
        site.Write(Name(20 + version), $"new in {version}");
        site.Write("index.html", $"<h1>v{version}</h1>");
    }

    /// <summary>Every other deploy changes Cache-Control of every file, so rollbacks also restore headers over the same bytes.</summary>
    private string[] DeployArgs(TempSite site, int version) =>
        ["deploy", site.Path, $"s3://{Bucket.Name}/{Prefix}", "--cache-control", version % 2 == 0 ? "no-cache" : "max-age=60"];

    private async Task<int> RunAndKillAsync(string[] args, int killAfter)
    {
        using var process = Start(args);
        var errors = process.StandardError.ReadToEndAsync();
        var lines = 0;
        while (lines < killAfter && await process.StandardOutput.ReadLineAsync() is not null)
        {
            lines++;
        }

        if (lines >= killAfter)
        {
            process.Kill(); // SIGKILL
        }

        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        await errors;
        return lines;
    }

    /// <summary>In the test host: only the killed runs need a process of their own.</summary>
    private async Task RunToEndAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--endpoint-url", Server.Endpoint], stdout, stderr, interactive: false);
        Assert.True(code == 0, $"s3deploy {string.Join(' ', args)} exited {code}: {stdout}{stderr}");
    }

    private Process Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "s3deploy.dll"));
        foreach (var arg in args.Concat(["--endpoint-url", Server.Endpoint]))
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private async Task<List<string>> IdsAsync() =>
        [.. (await Bucket.ListAsync($"{Prefix}/.s3deploy/releases/")).Keys.Select(k => Path.GetFileNameWithoutExtension(k)).OrderDescending(StringComparer.Ordinal)];

    private async Task<string> LiveIdAsync() => (await IdsAsync())[0];

    /// <summary>Every site object's MD5 and headers, read with the SDK.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in (await Bucket.ListAsync(Prefix + "/")).Keys.Where(k => !k.StartsWith($"{Prefix}/.s3deploy/", StringComparison.Ordinal)))
        {
            var head = await Bucket.HeadAsync(key);
            var md5 = Convert.ToHexStringLower(MD5.HashData(await Bucket.GetAsync(key)));
            result[key[(Prefix.Length + 1)..]] = $"{md5}|{head.Headers.ContentType}|{head.Headers.CacheControl}";
        }

        return result;
    }

    /// <summary>What a release record says its key set is, in the snapshot's terms.</summary>
    private async Task<Dictionary<string, string>> RecordedAsync(string id)
    {
        using var record = JsonDocument.Parse(await Bucket.GetAsync($"{Prefix}/.s3deploy/releases/{id}.json"));
        var headers = record.RootElement.GetProperty("headers");
        return record.RootElement.GetProperty("objects").EnumerateObject().ToDictionary(
            o => o.Name,
            o =>
            {
                var h = headers.GetProperty(o.Value.GetProperty("headers").GetString()!);
                var cache = h.TryGetProperty("cacheControl", out var c) ? c.GetString() : null;
                return $"{o.Value.GetProperty("hash").GetString()}|{h.GetProperty("contentType").GetString()}|{cache}";
            },
            StringComparer.Ordinal);
    }
}
