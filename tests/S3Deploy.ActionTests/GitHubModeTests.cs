using S3Deploy.ActionTests.Infrastructure;

namespace S3Deploy.ActionTests;

/// <summary>
/// A plain <c>run: s3deploy deploy …</c> step (the dotnet tool on any runner, no container) under GITHUB_ACTIONS=true gets
/// what the action gets: groups, annotations, the outputs action.yml declares and the step summary.
/// </summary>
[Collection(ActionCollection.Name)]
public sealed class GitHubModeTests(S3ServerFixture server) : IDisposable
{
    private readonly TempSite site = TempSite.With(("index.html", "<h1>home</h1>"), ("app.js", "x"));
    private readonly TempSite temp = new();

    [Fact]
    public async Task Deploy_groups_its_phases_annotates_warnings_and_writes_outputs_and_summary()
    {
        var bucket = await server.CreateBucketAsync();
        File.CreateSymbolicLink(site.FullPath("gone.txt"), site.FullPath("nowhere.txt"));

        var run = await RunAsync("deploy", site.Path, $"s3://{bucket}/web", "--endpoint-url", server.Endpoint);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.Lines, l => l.StartsWith("::warning title=S3D103::", StringComparison.Ordinal));
        Assert.Contains("::group::Uploading assets (1 object)", run.Lines);
        Assert.Contains("::group::Uploading pages (1 object)", run.Lines);
        Assert.Equal(2, run.Lines.Count(l => l == "::endgroup::"));
        Assert.Equal(
            "previous=1\nuploaded=2\nheaders-updated=0\ndeleted=0\nunchanged=0\nbytes-uploaded=14\ninvalidation-ids=\nwebsite-url=\npreview-url=\nurl=\n",
            File.ReadAllText(temp.FullPath("output")));
        var summary = File.ReadAllText(temp.FullPath("summary"));
        Assert.StartsWith("previous summary\n### S3Deploy: deployed\n", summary, StringComparison.Ordinal);
        Assert.Contains("| 2 | 0 | 0 | 0 | 14 B |", summary, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task A_failure_is_one_error_annotation_with_its_code_and_no_outputs()
    {
        var run = await RunAsync("deploy", site.Path, "s3://missing-bucket-zz", "--endpoint-url", server.Endpoint);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("::error title=S3D010::", Assert.Single(run.Lines, l => l.StartsWith("::error", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("previous=1\n", File.ReadAllText(temp.FullPath("output")));
        Assert.Equal("previous summary\n", File.ReadAllText(temp.FullPath("summary")));
    }

    [Fact]
    public async Task With_json_stdout_keeps_its_one_object_and_the_commands_go_to_stderr()
    {
        var bucket = await server.CreateBucketAsync();

        var run = await RunAsync("plan", site.Path, $"s3://{bucket}", "--endpoint-url", server.Endpoint, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("{", Assert.Single(run.Lines), StringComparison.Ordinal);
        Assert.Contains("uploaded=2\n", File.ReadAllText(temp.FullPath("output")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        site.Dispose();
        temp.Dispose();
    }

    private async Task<ProcessRun> RunAsync(params string[] args)
    {
        File.WriteAllText(temp.FullPath("output"), "previous=1\n");
        File.WriteAllText(temp.FullPath("summary"), "previous summary\n");
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["TF_BUILD"] = null,
            ["GITHUB_OUTPUT"] = temp.FullPath("output"),
            ["GITHUB_STEP_SUMMARY"] = temp.FullPath("summary"),
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        return await ProcessRun.StartAsync("dotnet", [AzureModeTests.CliDll, .. args], temp.Path, environment);
    }
}
