using System.Diagnostics;
using System.Text.Json;
using S3Deploy.Cli;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class CliTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task Json_prints_exactly_one_object_with_the_actions(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"), ("app.js", "x"));

        var (code, stdout, _) = await RunAsync("deploy", site.Path, $"s3://{Bucket.Name}/web", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, root.GetProperty("uploaded").GetInt32());
        Assert.Equal(0, root.GetProperty("unchanged").GetInt32());
        Assert.Equal(14, root.GetProperty("bytesUploaded").GetInt64());
        var actions = root.GetProperty("actions").EnumerateArray().Select(a => $"{a.GetProperty("key").GetString()} {a.GetProperty("action").GetString()} {a.GetProperty("reason").GetString()}").Order().ToArray();
        Assert.Equal(["app.js upload new", "index.html upload new"], actions);
        Assert.Matches($@"^Deployed .+ -> s3://{Bucket.Name}/web: upload 2, update headers 0, delete 0, unchanged 0, 14 B sent in \d+\.\ds\.$", root.GetProperty("summary").GetString());
        Assert.Single(stdout.Trim().Split('\n'));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Plan_lists_the_changes_and_changes_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"));

        var (code, stdout, _) = await RunAsync("plan", site.Path, $"s3://{Bucket.Name}");

        Assert.Equal(0, code);
        Assert.Contains("upload (new)", stdout);
        Assert.Contains("index.html", stdout);
        Assert.Contains("nothing changed", stdout);
        Assert.Empty(await Bucket.ListAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Second_deploy_says_up_to_date(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"));
        await RunAsync("deploy", site.Path, $"s3://{Bucket.Name}");

        var (code, stdout, _) = await RunAsync("deploy", site.Path, $"s3://{Bucket.Name}");

        Assert.Equal(0, code);
        Assert.Contains("Up to date", stdout);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Missing_bucket_exits_1_with_its_code(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "x"));

        var (code, _, stderr) = await RunAsync("deploy", site.Path, "s3://missing-bucket-zz");

        Assert.Equal(1, code);
        Assert.StartsWith("error S3D010:", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Too_many_deletes_exits_3_and_changes_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("a.txt", "a"), ("b.txt", "b"));
        await RunAsync("deploy", site.Path, $"s3://{Bucket.Name}");
        var before = await Bucket.ListAsync();
        site.Delete("a.txt");
        site.Delete("b.txt");
        site.Write("c.txt", "c");

        var (code, _, stderr) = await RunAsync("deploy", site.Path, $"s3://{Bucket.Name}", "--max-deletes", "1");

        Assert.Equal(3, code);
        Assert.Contains("S3D004", stderr);
        Assert.Equal(before, await Bucket.ListAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Cancelled_run_exits_130(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "x"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var (code, _, stderr) = await RunAsync(cancelled.Token, "deploy", site.Path, $"s3://{Bucket.Name}");

        Assert.Equal(130, code);
        Assert.Contains("S3D030", stderr);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Ctrl_c_stops_the_process_with_130_and_nothing_is_deleted(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        for (var i = 0; i < 400; i++)
        {
            site.Write($"f{i:D3}.txt", new string('x', 20_000 + i));
        }

        site.Write("keep-me.txt", "old");
        await RunAsync("deploy", site.Path, $"s3://{Bucket.Name}");
        site.Delete("keep-me.txt");
        for (var i = 0; i < 400; i++)
        {
            site.Write($"f{i:D3}.txt", new string('y', 20_000 + i));
        }

        var cli = Path.Combine(AppContext.BaseDirectory, "s3deploy.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", Server.Endpoint, "--concurrency", "2" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line && !line.Contains("upload (content)", StringComparison.Ordinal))
        {
        }

        Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("keep-me.txt", (await Bucket.ListAsync()).Keys);
    }

    private Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(CancellationToken ct, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--endpoint-url", Server.Endpoint], stdout, stderr, interactive: false, ct);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
