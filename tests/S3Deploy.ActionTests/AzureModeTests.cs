using S3Deploy.ActionTests.Infrastructure;
using S3Deploy.Cli;
using S3Deploy.Cli.Output;

namespace S3Deploy.ActionTests;

/// <summary>The CLI under Azure Pipelines (TF_BUILD=True) speaks the agent's logging commands.</summary>
[Collection(ActionCollection.Name)]
public sealed class AzureModeTests(S3ServerFixture server) : IDisposable
{
    private readonly TempSite site = TempSite.With(("index.html", "<h1>home</h1>"), ("app.js", "x"));
    private readonly TempSite temp = new();

    public static string CliDll => Path.Combine(RepoPaths.Root, "src", "S3Deploy.Cli", "bin", Configuration, "net10.0", "s3deploy.dll");

    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    [Fact]
    public async Task Deploy_sets_output_variables_groups_phases_and_uploads_a_summary()
    {
        var bucket = await server.CreateBucketAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["deploy", site.Path, $"s3://{bucket}/web", "--endpoint-url", server.Endpoint], stdout, stderr, ci: new CiLog(new AzureDialect(temp.Path)));

        Assert.True(code == 0, stdout + "\n" + stderr);
        var lines = stdout.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(
            [
                "##vso[task.setvariable variable=uploaded;isoutput=true]2",
                "##vso[task.setvariable variable=headersUpdated;isoutput=true]0",
                "##vso[task.setvariable variable=deleted;isoutput=true]0",
                "##vso[task.setvariable variable=unchanged;isoutput=true]0",
                "##vso[task.setvariable variable=bytesUploaded;isoutput=true]14",
                "##vso[task.setvariable variable=invalidationIds;isoutput=true]",
                "##vso[task.setvariable variable=websiteUrl;isoutput=true]",
                "##vso[task.setvariable variable=previewUrl;isoutput=true]",
                "##vso[task.setvariable variable=url;isoutput=true]",
            ],
            lines.Where(l => l.StartsWith("##vso[task.setvariable", StringComparison.Ordinal)));
        Assert.Contains("##[group]Uploading assets (1 object)", lines);
        Assert.Contains("##[group]Uploading pages (1 object)", lines);
        Assert.Equal(2, lines.Count(l => l == "##[endgroup]"));
        var upload = Assert.Single(lines, l => l.StartsWith("##vso[task.uploadsummary]", StringComparison.Ordinal));
        var summary = File.ReadAllText(upload["##vso[task.uploadsummary]".Length..]);
        Assert.Contains("| 2 | 0 | 0 | 0 | 14 B |", summary);
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public async Task Errors_are_issues_with_their_code_and_escaped_message()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["deploy", site.Path, "s3://missing-bucket-zz", "--endpoint-url", server.Endpoint], stdout, stderr, ci: new CiLog(new AzureDialect(temp.Path)));

        Assert.Equal(1, code);
        var error = Assert.Single(stdout.ToString().ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith("##vso[task.logissue", StringComparison.Ordinal));
        Assert.StartsWith("##vso[task.logissue type=error;code=S3D010]", error, StringComparison.Ordinal);
        Assert.DoesNotContain(";", error["##vso[task.logissue type=error;code=S3D010]".Length..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_cli_process_switches_to_logging_commands_when_TF_BUILD_is_True()
    {
        var bucket = await server.CreateBucketAsync();

        var run = await ProcessRun.StartAsync("dotnet", [CliDll, "deploy", site.Path, $"s3://{bucket}", "--endpoint-url", server.Endpoint], temp.Path, Environment(temp.Path));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("##vso[task.setvariable variable=uploaded;isoutput=true]2", run.Lines);
        Assert.Single(run.Lines, l => l.StartsWith($"##vso[task.uploadsummary]{temp.Path}/s3deploy-summary-", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        site.Dispose();
        temp.Dispose();
    }

    internal static Dictionary<string, string?> Environment(string agentTemp) => new()
    {
        ["TF_BUILD"] = "True",
        ["GITHUB_ACTIONS"] = null,
        ["AGENT_TEMPDIRECTORY"] = agentTemp,
        ["AWS_ACCESS_KEY_ID"] = "S3RVER",
        ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };
}
