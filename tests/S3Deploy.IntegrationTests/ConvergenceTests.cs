using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class ConvergenceTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task Deploy_cancelled_half_way_converges_when_run_again(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        for (var i = 0; i < 200; i++)
        {
            site.Write($"assets/f{i:D3}.css", $".c{i}{{}}");
        }

        site.Write("index.html", "<h1>v1</h1>");
        site.Write("stale-later.txt", "x");
        await DeployAsync(site);
        for (var i = 0; i < 200; i++)
        {
            site.Write($"assets/f{i:D3}.css", $".c{i}{{color:red}}");
        }

        site.Write("index.html", "<h1>v2</h1>");
        site.Delete("stale-later.txt");
        using var cts = new CancellationTokenSource();
        var observer = new CancelAfter(30, cts);

        var cancelled = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(Options(site), observer, cts.Token));
        Assert.Equal(FailureKind.Cancelled, cancelled.Kind);
        Assert.Equal(DiagnosticCode.Cancelled, cancelled.Code);
        Assert.Contains("nothing was deleted", cancelled.Message, StringComparison.Ordinal);

        var keys = await Bucket.ListAsync();
        Assert.Contains("stale-later.txt", keys.Keys);
        Assert.Equal("<h1>v1</h1>", System.Text.Encoding.UTF8.GetString(await Bucket.GetAsync("index.html")));
        var rerun = await DeployAsync(site);
        Assert.InRange(rerun.Uploaded, 1, 200);
        Assert.Contains("delete:stale:stale-later.txt", Describe(rerun));
        await AssertBucketMatchesAsync(site);
        Assert.Empty((await DeployAsync(site)).Actions);
    }

    private sealed class CancelAfter(int count, CancellationTokenSource cts) : IDeployObserver
    {
        private int completed;

        public void ActionCompleted(PlannedAction action)
        {
            if (Interlocked.Increment(ref completed) == count)
            {
                cts.Cancel();
            }
        }
    }
}
