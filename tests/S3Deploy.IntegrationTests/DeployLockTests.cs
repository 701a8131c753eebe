using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Cli;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Releases;
using S3Deploy.Core.Remote;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

/// <summary>The deploy lock every deploy and rollback takes by default (.s3deploy/lock.json).</summary>
public sealed class DeployLockTests(Servers servers) : ServerTest(servers)
{
    private const string LockKey = ".s3deploy/lock.json";

    /// <summary>s3rver answers PutObject and DeleteObject without looking at If-None-Match or If-Match.</summary>
    private const string S3rverIgnoresConditions = "s3rver ignores If-None-Match and If-Match on PutObject and DeleteObject (lib/controllers/object.js), so it cannot arbitrate a race";

    [Theory, OnS3rver, OnMoto]
    public async Task A_lock_held_on_another_host_refuses_a_deploy_with_exit_3_naming_the_holder_and_its_start(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>x</h1>"));
        var until = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        await Bucket.PutAsync(LockKey, $$"""{"holder":"GitHub run 42 (runner-7, pid 4242)","operation":"deploy","started":"2026-01-01T00:00:00Z","expires":"{{until}}","host":"runner-7","pid":4242,"processStarted":"2026-01-01T00:00:00Z","token":"t"}""", "application/json");
        var target = $"s3://{Bucket.Name}";

        var (code, _, stderr) = await RunAsync("deploy", site.Path, target);
        var (rollback, _, refusal) = await RunAsync("rollback", target);

        Assert.Equal(3, code);
        Assert.Contains("error S3D070:", stderr);
        Assert.Contains("GitHub run 42 (runner-7, pid 4242)", stderr);
        Assert.Contains("2026-01-01 00:00:00 UTC", stderr);
        Assert.Equal(3, rollback);
        Assert.Contains("error S3D070:", refusal);
        Assert.Equal([LockKey], (await Bucket.ListAsync()).Keys);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_holder_with_a_line_break_cannot_forge_a_line_of_the_refusal(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>x</h1>"));
        var until = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        await Bucket.PutAsync(LockKey, $$"""{"holder":"ci\n::error::forged","operation":"deploy\r\n##vso[task.complete result=Succeeded;]","started":"2026-01-01T00:00:00Z","expires":"{{until}}","host":"elsewhere","pid":1}""", "application/json");

        var (code, _, stderr) = await RunAsync("deploy", site.Path, $"s3://{Bucket.Name}");

        Assert.Equal(3, code);
        Assert.Contains("error S3D070:", stderr);
        Assert.DoesNotContain(stderr.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith("::error::", StringComparison.Ordinal) || l.StartsWith("##vso", StringComparison.Ordinal));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task No_lock_deploys_past_a_held_lock_and_leaves_it(Emulator emulator)
    {
        await UseAsync(emulator);
        var until = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        await Bucket.PutAsync(LockKey, $$"""{"holder":"ci run 42","operation":"deploy","started":"2026-01-01T00:00:00Z","expires":"{{until}}"}""", "application/json");

        var (code, _, stderr) = await RunAsync("deploy", Site(("index.html", "<h1>x</h1>")).Path, $"s3://{Bucket.Name}", "--no-lock");

        Assert.True(code == 0, stderr);
        Assert.Contains("index.html", (await Bucket.ListAsync()).Keys);
        Assert.Contains("ci run 42", System.Text.Encoding.UTF8.GetString(await Bucket.GetAsync(LockKey)));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_lock_an_earlier_run_in_this_process_left_behind_is_taken_over_with_a_warning(Emulator emulator)
    {
        await UseAsync(emulator);
        var left = LockHolder.Describe("deploy", DateTimeOffset.UtcNow, PrefixLock.Lease, _ => null);
        await Bucket.PutAsync(LockKey, System.Text.Json.JsonSerializer.Serialize(left, ReleaseJson.Default.DeployLock), "application/json");

        var result = await DeployAsync(Site(("index.html", "<h1>x</h1>")));

        var warning = Assert.Single(result.Warnings, w => w.Code == DiagnosticCode.LockTakenOver);
        Assert.Contains("an earlier run in this process did not release it", warning.Message);
        Assert.DoesNotContain(LockKey, (await Bucket.ListAsync()).Keys);
    }

    [Theory, OnS3rver(Skip = S3rverIgnoresConditions), OnMoto]
    public async Task Of_two_racing_deploys_exactly_one_takes_the_lock(Emulator emulator)
    {
        await UseAsync(emulator);
        const string Rival = """{"holder":"rival (elsewhere, pid 1)","operation":"deploy","started":"2026-01-01T00:00:00Z","expires":"2999-01-01T00:00:00Z","host":"elsewhere","pid":1,"processStarted":"2026-01-01T00:00:00Z","token":"r"}""";

        // The rival creates the lock after this deploy read it (absent) and before its If-None-Match: * write.
        var deployer = new Deployer(clients: c => Before(c, r => r is PutObjectRequest { IfNoneMatch: "*" } p && p.Key.EndsWith(LockKey, StringComparison.Ordinal), () => Bucket.PutAsync(LockKey, Rival, "application/json")));
        var refused = await Assert.ThrowsAsync<DeployException>(() => deployer.DeployAsync(Options(Site(("index.html", "<h1>x</h1>")))));

        Assert.Equal(DiagnosticCode.PrefixLocked, refused.Code);
        Assert.Contains("rival (elsewhere, pid 1)", refused.Message);
        Assert.Equal([LockKey], (await Bucket.ListAsync()).Keys);
        Assert.Equal(Rival, System.Text.Encoding.UTF8.GetString(await Bucket.GetAsync(LockKey)));
    }

    [Theory, OnS3rver(Skip = S3rverIgnoresConditions), OnMoto]
    public async Task A_run_does_not_delete_a_lock_another_run_took_over_meanwhile(Emulator emulator)
    {
        await UseAsync(emulator);
        const string Taker = """{"holder":"taker","operation":"deploy","started":"2026-01-01T00:00:00Z","expires":"2999-01-01T00:00:00Z"}""";

        // As when this run outlived its lease and another run took the lock over before this one released it.
        var deployer = new Deployer(clients: c => Before(c, r => r is DeleteObjectRequest d && d.Key.EndsWith(LockKey, StringComparison.Ordinal), () => Bucket.PutAsync(LockKey, Taker, "application/json")));
        await deployer.DeployAsync(Options(Site(("index.html", "<h1>x</h1>"))));

        Assert.Equal(Taker, System.Text.Encoding.UTF8.GetString(await Bucket.GetAsync(LockKey)));
    }

    /// <summary>A real client that, once, runs <paramref name="meanwhile"/> just before sending a request that <paramref name="matches"/>.</summary>
    private static IAmazonS3 Before(ConnectionOptions connection, Func<AmazonWebServiceRequest, bool> matches, Func<Task> meanwhile)
    {
        var client = (AmazonS3Client)S3ClientFactory.Create(connection);
        var done = false;
        client.BeforeRequestEvent += (_, e) =>
        {
            if (!done && e is WebServiceRequestEventArgs { Request: { } request } && matches(request))
            {
                done = true;
                meanwhile().GetAwaiter().GetResult();
            }
        };
        return client;
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--endpoint-url", Server.Endpoint], stdout, stderr, interactive: false);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
