using S3Deploy.Core;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.ReliabilityTests.Infrastructure;
using Xunit.Abstractions;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// Faults between the deployer and S3: each deploy either completes (the SDK retries with backoff) or fails with a
/// coded message; nothing is deleted while an upload failed; and a clean rerun converges.
/// </summary>
public sealed class NetworkFaultTests(S3ServerFixture server, ITestOutputHelper output) : ReliabilityTest(server)
{
    public static TheoryData<string> Faults => ["slowdown-and-internal-error", "reset-mid-body", "cut-response", "stalled-response"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Deploy_through_faults_completes_or_fails_cleanly_and_a_rerun_converges(string name)
    {
        var (site, stale) = await PreparedSiteAsync(files: 40);
        var proxy = Proxy();
        proxy.Rule = RuleFor(name);
        var options = Through(proxy, site) with
        {
            Connection = Server.Connection with { EndpointUrl = proxy.Endpoint, Timeout = TimeSpan.FromSeconds(2) },
            Concurrency = 4,
        };

        var failure = await Record.ExceptionAsync(() => DeployAsync(options));

        output.WriteLine($"{name}: {proxy.Injected} faults in {proxy.Log.Count} requests; outcome: {failure?.Message ?? "completed"}");
        Assert.True(proxy.Injected > 0);
        Assert.Empty(proxy.Violations);
        if (failure is not null)
        {
            var coded = Assert.IsType<DeployException>(failure);
            Assert.Equal(FailureKind.Service, coded.Kind);
            Assert.Contains(coded.Code, new[] { DiagnosticCode.ServiceError, DiagnosticCode.NetworkError });
            Assert.Contains(stale, (await Bucket.ListAsync()).Keys);
            Assert.DoesNotContain(proxy.Log, e => e.Request.Operation is S3Operation.DeleteObjects or S3Operation.Delete);
        }

        await DeployAsync(Options(site));
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task Upload_that_keeps_failing_exits_1_deletes_nothing_and_a_rerun_converges()
    {
        var (site, stale) = await PreparedSiteAsync(files: 10);
        var proxy = Proxy();
        proxy.Rule = r => r.IsUpload && r.Key == "f003.txt" ? Fault.InternalError : null;

        var (code, _, stderr) = await CliAsync("deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", proxy.Endpoint);

        Assert.Equal(1, code);
        Assert.StartsWith("error S3D020: ", stderr.Split('\n').Single(l => l.StartsWith("error ", StringComparison.Ordinal)));
        Assert.Contains("Nothing was deleted", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(5, proxy.Log.Count(e => e.Request.IsUpload && e.Request.Key == "f003.txt"));
        Assert.Contains(stale, (await Bucket.ListAsync()).Keys);
        Assert.DoesNotContain(proxy.Log, e => e.Request.Operation is S3Operation.DeleteObjects or S3Operation.Delete && !e.Request.IsLock);

        await DeployAsync(Options(site));
        await AssertConvergedAsync(site);
        Assert.DoesNotContain(stale, (await Bucket.ListAsync()).Keys);
    }

    [Fact]
    public async Task CloudFront_throttling_during_a_deploy_is_retried_and_makes_one_invalidation()
    {
        using var cloudFront = new FakeCloudFront("S3RVER", "S3RVER");
        cloudFront.AddDistribution("E2QWRUHAPOMQZL", Bucket.Name);
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.css", "a{}"), ("old.html", "old"));
        var options = Options(site) with
        {
            CloudFront = new CloudFrontSettings { Distributions = ["E2QWRUHAPOMQZL"], EndpointUrl = cloudFront.Endpoint.ToString(), PollInterval = TimeSpan.FromMilliseconds(20) },
        };
        await DeployAsync(options);
        site.Write("index.html", "<h1>v2</h1>");
        site.Delete("old.html");
        cloudFront.FailNext(2, FakeCloudFront.Failure.Throttling);

        var result = await DeployAsync(options);

        var made = Assert.Single(cloudFront.Invalidations("E2QWRUHAPOMQZL"));
        Assert.Equal(["/", "/index.html", "/old.html"], made.Paths);
        Assert.Equal("Completed", Assert.Single(result.Invalidations).Status);
        Assert.Equal(1, result.Deleted);
        await AssertConvergedAsync(site);
    }

    private static Func<ProxyRequest, Fault?> RuleFor(string name)
    {
        switch (name)
        {
            case "slowdown-and-internal-error":
                var slow = FaultProxy.Share(0.15, seed: 8, Fault.SlowDown);
                var broken = FaultProxy.Share(0.1, seed: 9, Fault.InternalError);
                return r => slow(r) ?? broken(r);
            case "reset-mid-body":
                return FaultProxy.FirstN(4, Fault.ResetMidBody, r => r.IsUpload && r.BodyLength > 100);
            case "cut-response":
                return FaultProxy.FirstN(4, Fault.CutResponse, r => r.Operation is S3Operation.Put or S3Operation.List or S3Operation.Get);
            case "stalled-response":
                return FaultProxy.FirstN(2, Fault.Stall, r => r.IsUpload);
            default:
                throw new ArgumentOutOfRangeException(nameof(name));
        }
    }

    /// <summary>A site deployed once, then changed (so the next deploy uploads), plus a stale object the next deploy would delete.</summary>
    private async Task<(TempSite Site, string Stale)> PreparedSiteAsync(int files)
    {
        var site = Own(new TempSite());
        for (var i = 0; i < files; i++)
        {
            site.Write($"f{i:D3}.txt", new string((char)('a' + (i % 26)), 2_000 + (i * 37)));
        }

        site.Write("index.html", "<h1>v1</h1>");
        site.Write("stale.html", "stale");
        await DeployAsync(site);
        site.Delete("stale.html");
        for (var i = 0; i < files; i++)
        {
            site.Write($"f{i:D3}.txt", new string((char)('A' + (i % 26)), 2_000 + (i * 41)));
        }

        site.Write("index.html", "<h1>v2</h1>");
        return (site, "stale.html");
    }
}
