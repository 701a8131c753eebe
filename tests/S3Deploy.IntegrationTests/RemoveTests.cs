using System.Text.Json;
using S3Deploy.Cli;
using S3Deploy.Core;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

/// <summary><c>s3deploy remove</c> and <c>s3deploy previews prune</c>: teardown behind the same guards as a deploy's deletes.</summary>
public sealed class RemoveTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task Remove_deletes_everything_under_the_prefix_and_nothing_beside_it(Emulator emulator)
    {
        await UseAsync(emulator);
        await DeployAsync(Site(("index.html", "home"), ("a.css", "a{}")), "site");
        await DeployAsync(PreviewSite.For(Options(Site(("index.html", "p")), "site"), "9"));
        await Bucket.PutAsync("site2/keep.txt", "beside");

        var (code, stdout, _) = await RunAsync("remove", $"s3://{Bucket.Name}/site/_previews/9");

        Assert.True(code == 0, stdout);
        // The preview's page, its manifest and its release record: a teardown takes the history too.
        Assert.StartsWith($"Found 3 objects (", stdout, StringComparison.Ordinal);
        Assert.Contains("Deleted 3 objects", stdout, StringComparison.Ordinal);
        var keys = WithoutHistory(await Bucket.ListAsync()).Keys.Order(StringComparer.Ordinal);
        Assert.Equal(["site/.s3deploy/manifest.json", "site/a.css", "site/index.html", "site2/keep.txt"], keys);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Remove_dry_run_counts_and_deletes_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        await DeployAsync(Site(("index.html", "home"), ("a.css", "a{}")), "site");
        var before = await Bucket.ListAsync();

        var (code, stdout, _) = await RunAsync("remove", $"s3://{Bucket.Name}/site", "--dry-run", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal(4, json.RootElement.GetProperty("objects").GetInt32()); // two files, the manifest, the release record
        Assert.Equal(0, json.RootElement.GetProperty("deleted").GetInt32());
        Assert.Equal(before, await Bucket.ListAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Remove_above_max_deletes_is_refused_and_nothing_changes(Emulator emulator)
    {
        await UseAsync(emulator);
        await DeployAsync(Site(("index.html", "home"), ("a.css", "a{}")), "site");
        var before = await Bucket.ListAsync();

        var (code, _, stderr) = await RunAsync("remove", $"s3://{Bucket.Name}/site", "--max-deletes", "2");

        Assert.Equal(3, code);
        Assert.Contains("error S3D004:", stderr, StringComparison.Ordinal);
        Assert.Contains("--max-deletes 4", stderr, StringComparison.Ordinal);
        Assert.Equal(before, await Bucket.ListAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Remove_refuses_the_bucket_root_without_force(Emulator emulator)
    {
        await UseAsync(emulator);
        await DeployAsync(Site(("index.html", "home")));
        var before = await Bucket.ListAsync();

        var (refused, _, stderr) = await RunAsync("remove", $"s3://{Bucket.Name}");
        Assert.Equal(before, await Bucket.ListAsync());
        var (forced, _, _) = await RunAsync("remove", $"s3://{Bucket.Name}", "--force");

        Assert.Equal(3, refused);
        Assert.StartsWith("error S3D081:", stderr, StringComparison.Ordinal);
        Assert.Equal(0, forced);
        Assert.Empty(await Bucket.ListAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Prune_removes_previews_older_than_the_limit_by_the_clock_it_is_given(Emulator emulator)
    {
        await UseAsync(emulator);
        await DeployAsync(Site(("index.html", "home")), "site");
        foreach (var name in new[] { "1", "2" })
        {
            await DeployAsync(PreviewSite.For(Options(Site(("index.html", name)), "site"), name));
        }

        var before = await Bucket.ListAsync();
        var (soon, _, _) = await RunAsync(new FixedTime(DateTimeOffset.UtcNow.AddDays(6)), "previews", "prune", "--older-than", "7d", $"s3://{Bucket.Name}/site");
        Assert.Equal(before, await Bucket.ListAsync());
        var (later, stdout, _) = await RunAsync(new FixedTime(DateTimeOffset.UtcNow.AddDays(8)), "previews", "prune", "--older-than", "7d", $"s3://{Bucket.Name}/site");

        Assert.Equal(0, soon);
        Assert.True(later == 0, stdout);
        Assert.Contains("Removing preview '1'", stdout, StringComparison.Ordinal);
        var keys = WithoutHistory(await Bucket.ListAsync()).Keys.Order(StringComparer.Ordinal);
        Assert.Equal(["site/.s3deploy/manifest.json", "site/index.html"], keys);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Remove_is_refused_while_another_host_holds_the_prefix_lock_and_break_lock_removes_it_and_the_lock(Emulator emulator)
    {
        await UseAsync(emulator);
        await DeployAsync(Site(("index.html", "home")), "site");
        var until = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        await Bucket.PutAsync("site/.s3deploy/lock.json", $$"""{"holder":"ci run 7","operation":"deploy","started":"2026-01-01T00:00:00Z","expires":"{{until}}","host":"elsewhere","pid":1}""", "application/json");
        var before = await Bucket.ListAsync();

        var (refused, _, stderr) = await RunAsync("remove", $"s3://{Bucket.Name}/site");
        var unchanged = await Bucket.ListAsync();
        var (broken, stdout, _) = await RunAsync("remove", $"s3://{Bucket.Name}/site", "--break-lock");

        Assert.Equal(3, refused);
        Assert.Contains("error S3D070:", stderr, StringComparison.Ordinal);
        Assert.Contains("ci run 7", stderr, StringComparison.Ordinal);
        Assert.Equal(before, unchanged);
        Assert.True(broken == 0, stdout);
        Assert.Empty(await Bucket.ListAsync("site/"));
    }

    private Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(null, args);

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(TimeProvider? time, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--endpoint-url", Server.Endpoint], stdout, stderr, time: time);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
