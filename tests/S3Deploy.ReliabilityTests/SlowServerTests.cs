using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// A server that sends its headers and then trickles the body, a byte at a time, never trips an idle timeout. The
/// deployer cuts such a body off once it falls behind a floor rate (after --timeout, here 1s), and retries the request.
/// </summary>
public sealed class SlowServerTests(S3ServerFixture server) : ReliabilityTest(server)
{
    private static readonly Fault Trickle = Fault.Trickle(TimeSpan.FromMilliseconds(250));

    [Fact]
    public async Task Trickled_listing_is_cut_off_and_retried_and_the_deploy_completes()
    {
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.js", "let a = 1;"));
        var proxy = Proxy();
        proxy.Rule = FaultProxy.FirstN(2, Trickle, r => r.Operation == S3Operation.List);

        var result = await DeployAsync(Through(proxy, site) with { Connection = Quick(proxy) });

        Assert.Equal(2, proxy.Injected);
        Assert.Equal(3, proxy.Log.Count(e => e.Request.Operation == S3Operation.List));
        Assert.Equal(2, result.Uploaded);
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task Listing_that_always_trickles_fails_with_S3D025_after_the_retries_and_changes_nothing()
    {
        var site = Site(("index.html", "<h1>v1</h1>"));
        var proxy = Proxy();
        proxy.Rule = r => r.Operation == S3Operation.List ? Trickle : null;

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(Through(proxy, site) with { Connection = Quick(proxy) }));

        Assert.Equal(DiagnosticCode.RequestTimedOut, e.Code);
        Assert.Equal(FailureKind.Service, e.Kind);
        Assert.Equal(5, proxy.Log.Count(l => l.Request.Operation == S3Operation.List));
        Assert.Empty(await Bucket.ListAsync());
    }

    [Fact]
    public async Task Cli_with_timeout_1s_exits_1_with_S3D025_when_every_listing_trickles()
    {
        var site = Site(("index.html", "<h1>v1</h1>"));
        var proxy = Proxy();
        proxy.Rule = r => r.Operation == S3Operation.List ? Trickle : null;

        var (code, _, stderr) = await CliAsync("deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", proxy.Endpoint, "--timeout", "1s");

        Assert.Equal(1, code);
        Assert.StartsWith("error S3D025: ", stderr.Split('\n').Single(l => l.StartsWith("error ", StringComparison.Ordinal)));
        Assert.Contains("--timeout", stderr);
        Assert.Empty(await Bucket.ListAsync());
    }

    [Fact]
    public async Task Upload_the_server_stops_reading_is_given_up_and_retried_while_the_server_still_stalls()
    {
        var site = Site(("index.html", "<h1>v1</h1>"));
        // Larger than loopback's socket buffers take without the server reading, so the client's writes block.
        site.Write("big.bin", new string('b', 24 << 20));
        var proxy = Proxy();
        var stalled = FaultProxy.FirstN(1, Fault.StallBody, r => r.IsUpload && r.Key == "big.bin");
        var retriedDuringStall = false;
        proxy.Rule = r =>
        {
            // The proxy stalls for 60s; a retry that arrives before then means the client gave up on its own.
            retriedDuringStall |= r.IsUpload && r.Key == "big.bin" && proxy.Stalling > 0;
            return stalled(r);
        };

        // 3s: the retry goes through the proxy, which takes the whole body before s3rver stores it and answers.
        var result = await DeployAsync(Through(proxy, site) with { Connection = Quick(proxy) with { Timeout = TimeSpan.FromSeconds(3) }, Concurrency = 2 });

        Assert.Equal(1, proxy.Injected);
        Assert.True(retriedDuringStall);
        Assert.Equal(2, proxy.Log.Count(e => e.Request.IsUpload && e.Request.Key == "big.bin"));
        Assert.Equal(2, result.Uploaded);
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task Trickled_manifest_is_cut_off_and_read_again()
    {
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.js", "let a = 1;"));
        await DeployAsync(site);
        await DeployAsync(site); // records the objects' exact times, so the run below trusts the manifest for every one
        var proxy = Proxy();
        proxy.Rule = FaultProxy.FirstN(1, Trickle, r => r.IsManifest && r.Operation == S3Operation.Get);

        var result = await DeployAsync(Through(proxy, site) with { Connection = Quick(proxy) });

        Assert.Equal(2, proxy.Log.Count(e => e.Request.IsManifest && e.Request.Key.EndsWith("manifest.json", StringComparison.Ordinal) && e.Request.Operation == S3Operation.Get));
        Assert.Empty(result.Warnings);
        Assert.Empty(Describe(result));
        Assert.DoesNotContain(proxy.Log, e => e.Request.Operation == S3Operation.Head);
    }

    [Fact]
    public async Task Timeout_below_one_second_is_refused_before_anything_is_contacted()
    {
        var site = Site(("index.html", "x"));
        var proxy = Proxy();

        var config = new DeployConfig { Source = site.Path, Target = $"s3://{Bucket.Name}", EndpointUrl = proxy.Endpoint, Timeout = "10ms" };

        // The one validator runs where options are made from their sources, so nothing is contacted.
        var e = Assert.Throws<DeployException>(() => config.ToOptions(dryRun: false));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Contains("timeout", e.Message, StringComparison.Ordinal);
        Assert.Empty(proxy.Log);
    }

    private ConnectionOptions Quick(FaultProxy proxy) => Server.Connection with { EndpointUrl = proxy.Endpoint, Timeout = TimeSpan.FromSeconds(1) };
}
