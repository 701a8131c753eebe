using System.Globalization;
using S3Deploy.ReliabilityTests.Infrastructure;
using Xunit.Abstractions;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// The CLI killed with SIGKILL at random points, over and over: the manifest never lies, every kept release can still be
/// restored (no record refers to bytes that are gone), and a clean rerun converges.
/// </summary>
public sealed class KillLoopTests(S3ServerFixture server, ITestOutputHelper output) : ReliabilityTest(server)
{
    private const string Prefix = "site";

    [Fact]
    public async Task Deploys_killed_at_random_points_never_leave_a_lying_manifest_and_a_rerun_converges()
    {
        var random = new Random(8);
        var site = Own(new TempSite());
        var next = 0;
        for (; next < 200; next++)
        {
            site.Write(Name(next), Content(random, next));
        }

        site.Write("index.html", "<h1>v0</h1>");
        await DeployAsync(Options(site, Prefix));

        // s3rver writes a PUT's bytes over the old file before it updates the MD5, so a request killed mid-body leaves a
        // truncated object under the old ETag. S3 stores an object only once the whole body arrived; the proxy (no faults)
        // gives s3rver that behaviour by forwarding complete bodies only.
        var proxy = Proxy();
        var (killed, finished) = (0, 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var round = 1; round <= 15; round++)
        {
            // Every round changes a few dozen files, deletes some and adds some, so each run has uploads and deletes to be killed in.
            var keys = site.Keys().Where(k => k != "index.html").ToList();
            foreach (var key in keys.OrderBy(_ => random.Next()).Take(24))
            {
                site.Write(key, Content(random, round));
            }

            keys.OrderBy(_ => random.Next()).Take(4).ToList().ForEach(site.Delete);
            for (var i = 0; i < 4; i++, next++)
            {
                site.Write(Name(next), Content(random, next));
            }

            site.Write("index.html", $"<h1>v{round}</h1>");
            using var process = CliProcess.Start(["deploy", site.Path, $"s3://{Bucket.Name}/{Prefix}", "--endpoint-url", proxy.Endpoint, "--concurrency", "4"]);
            var drain = process.StandardError.ReadToEndAsync();

            // The run prints a line per object done: killing after a random number of lines lands anywhere from the listing,
            // through uploads, pages and deletes, to just before the manifest write. Every sixth run is left to finish, so
            // later ones are killed with a manifest in place that they make outdated.
            var killAfter = round % 6 == 0 ? int.MaxValue : random.Next(0, 40);
            var lines = 0;
            while (lines < killAfter && await process.StandardOutput.ReadLineAsync() is not null)
            {
                lines++;
            }

            if (lines < killAfter)
            {
                finished++;
            }
            else
            {
                process.Kill();
                killed++;
            }

            _ = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            await drain;
            var (trusted, outdated) = await ManifestCheck.AssertTruthfulAsync(Bucket, Prefix, headSample: 25);
            var records = await HistoryCheck.AssertRestorableAsync(Bucket, Prefix, reads: 40);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s round {round}: {(lines < killAfter ? "finished" : $"killed after {lines} lines")}; manifest: {trusted} entries exact, {outdated} outdated; {records} release records restorable");
        }

        await DeployAsync(Options(site, Prefix));
        await ManifestCheck.AssertTruthfulAsync(Bucket, Prefix);
        await HistoryCheck.AssertRestorableAsync(Bucket, Prefix);
        await AssertConvergedAsync(site, Prefix);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: {killed} killed, {finished} finished before the kill");
        Assert.True(killed >= 8, $"only {killed} of 15 runs were killed mid-deploy");
        Assert.True(finished >= 2, $"only {finished} of 15 runs finished");
    }

    private static string Name(int i) => $"d{i % 7}/f{i:D4}.txt";

    private static string Content(Random random, int salt) =>
        string.Create(CultureInfo.InvariantCulture, $"{salt}:{new string((char)('a' + random.Next(26)), random.Next(500, 6000))}");
}
