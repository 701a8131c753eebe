using System.Diagnostics;
using System.Text.Json;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>A deploy killed while it holds the prefix's deploy lock does not block the rerun for the lock's hour.</summary>
public sealed class LockTakeoverTests(S3ServerFixture server) : ReliabilityTest(server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_lock_left_by_a_killed_deploy_on_this_host_is_taken_over_by_the_rerun_without_flags()
    {
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.js", "a()"), ("style.css", "body{}"));
        var target = $"s3://{Bucket.Name}/site";
        var proxy = Proxy();
        proxy.Rule = r => r.IsUpload && !r.IsManifest && !r.IsLock ? Fault.Stall : null;

        // SIGKILL once an upload is held: the lock is taken (it comes before any upload) and never released.
        using var killed = CliProcess.Start(["deploy", site.Path, target, "--endpoint-url", proxy.Endpoint]);
        var output = Task.WhenAll(killed.StandardOutput.ReadToEndAsync(), killed.StandardError.ReadToEndAsync());
        var clock = Stopwatch.StartNew();
        while (!proxy.Log.Any(e => e.Fault is not null))
        {
            if (killed.HasExited)
            {
                Assert.Fail($"The deploy ended before an upload was held: {string.Join(" | ", await output)}");
            }

            Assert.True(clock.Elapsed < Patience, "No upload was held.");
            await Task.Delay(50);
        }

        killed.Kill();
        await killed.WaitForExitAsync();
        await output;
        using var held = JsonDocument.Parse(await Bucket.GetAsync("site/.s3deploy/lock.json"));
        Assert.Equal(killed.Id, held.RootElement.GetProperty("pid").GetInt32());

        var (code, stdout, stderr) = await CliProcess.RunAsync(["deploy", site.Path, target, "--endpoint-url", Server.Endpoint]);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains($"warning S3D073: Took over the deploy lock of {target} from", stdout + stderr);
        Assert.Contains($"process {killed.Id} no longer runs on {Environment.MachineName}", stdout + stderr);
        Assert.DoesNotContain("site/.s3deploy/lock.json", (await Bucket.ListAsync()).Keys);
        await AssertConvergedAsync(site, "site");
    }
}
