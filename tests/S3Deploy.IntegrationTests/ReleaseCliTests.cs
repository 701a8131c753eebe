using System.Text.Json;
using S3Deploy.Cli;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class ReleaseCliTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task Releases_lists_newest_first_and_a_rollback_dry_run_plans_restores_and_changes_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        var target = $"s3://{Bucket.Name}/web";
        await RunAsync("deploy", Site(("index.html", "<h1>A</h1>"), ("a.txt", "a")).Path, target, "--message", "first");
        var (_, deployed, _) = await RunAsync("deploy", Site(("index.html", "<h1>B</h1>")).Path, target, "--json");
        var before = await Bucket.ListAsync();

        var (listed, releases, _) = await RunAsync("releases", target, "--json");
        var (planned, plan, _) = await RunAsync("rollback", target, "--dry-run", "--json");
        var (table, text, _) = await RunAsync("releases", target);

        Assert.Equal([0, 0, 0], new[] { listed, planned, table });
        var ids = JsonDocument.Parse(releases).RootElement.GetProperty("releases").EnumerateArray().Select(r => (Id: r.GetProperty("id").GetString(), Live: r.GetProperty("live").GetBoolean())).ToList();
        Assert.Equal(2, ids.Count);
        Assert.True(string.CompareOrdinal(ids[0].Id, ids[1].Id) > 0);
        Assert.Equal([true, false], ids.Select(i => i.Live));
        var release = JsonDocument.Parse(deployed).RootElement.GetProperty("release");
        Assert.Equal(ids[0].Id, release.GetProperty("id").GetString());
        Assert.Equal(ids[1].Id, release.GetProperty("previous").GetString());
        var actions = JsonDocument.Parse(plan).RootElement.GetProperty("actions").EnumerateArray().Select(a => $"{a.GetProperty("key").GetString()} {a.GetProperty("action").GetString()} {a.GetProperty("reason").GetString()}").Order().ToArray();
        Assert.Equal(["a.txt upload restore", "index.html upload restore"], actions);
        Assert.Contains($"* {ids[0].Id}", text);
        Assert.Contains("first", text);
        Assert.Equal(before, await Bucket.ListAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Rollback_to_an_unknown_release_exits_2_with_its_code_and_changes_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        var target = $"s3://{Bucket.Name}";
        await RunAsync("deploy", Site(("index.html", "<h1>A</h1>")).Path, target);
        var before = await Bucket.ListAsync();

        var (code, _, stderr) = await RunAsync("rollback", target, "--to", "19990101-000000-000");
        var (none, _, alone) = await RunAsync("rollback", target);

        Assert.Equal(2, code);
        Assert.Contains("error S3D068:", stderr);
        Assert.Equal(3, none);
        Assert.Contains("error S3D072:", alone);
        Assert.Equal(before, await Bucket.ListAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_release_id_with_a_line_break_cannot_forge_a_line_of_the_refusal(Emulator emulator)
    {
        await UseAsync(emulator);
        var target = $"s3://{Bucket.Name}";
        await RunAsync("deploy", Site(("index.html", "<h1>A</h1>")).Path, target);

        var (code, _, stderr) = await RunAsync("rollback", target, "--to", "x\n::error::forged");

        Assert.Equal(2, code);
        Assert.Contains("error S3D068:", stderr);
        Assert.DoesNotContain(stderr.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith("::error::", StringComparison.Ordinal));
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--endpoint-url", Server.Endpoint], stdout, stderr, interactive: false);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
