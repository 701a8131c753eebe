using S3Deploy.ActionTests.Infrastructure;

namespace S3Deploy.ActionTests;

/// <summary>The Azure Pipelines task's Node handler, run as the agent runs it: INPUT_* variables, TF_BUILD=True.</summary>
[Collection(ActionCollection.Name)]
public sealed class AzureTaskTests(S3ServerFixture server) : IDisposable
{
    private static readonly string Handler = Path.Combine(RepoPaths.Root, "action", "azure", "task", "index.js");
    private readonly TempSite workspace = TempSite.With(("dist/index.html", "<h1>home</h1>"), ("dist/app.js", "x"), ("dist/app.js.map", "{}"));

    [Fact]
    public async Task Handler_runs_the_cli_with_the_inputs_and_passes_its_logging_commands_through()
    {
        var bucket = await server.CreateBucketAsync();
        var environment = AzureModeTests.Environment(workspace.Path);
        environment["SYSTEM_DEFAULTWORKINGDIRECTORY"] = workspace.Path;
        environment["INPUT_SOURCE"] = "dist";
        environment["INPUT_BUCKET"] = bucket;
        environment["INPUT_PREFIX"] = "/site/";
        environment["INPUT_ENDPOINTURL"] = server.Endpoint;
        environment["INPUT_EXCLUDE"] = "*.map\n";
        environment["INPUT_DELETE"] = "true";
        environment["INPUT_DRYRUN"] = "false";
        environment["INPUT_WEBSITE"] = "true";
        environment["INPUT_TOOLPATH"] = AzureModeTests.CliDll;

        var run = await ProcessRun.StartAsync("node", [Handler], workspace.Path, environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("##vso[task.setvariable variable=uploaded;isoutput=true]2", run.Lines);
        Assert.True(run.Lines.Contains($"##vso[task.setvariable variable=websiteUrl;isoutput=true]{server.Endpoint}/{bucket}/site/"), run.ToString());
        using var listing = new Bucket(server.Client(), bucket, server.Endpoint);
        Assert.Equal(["site/app.js", "site/index.html"], (await listing.ListAsync()).Keys.Where(k => !k.Contains(".s3deploy", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Handler_passes_the_target_input_and_the_named_target_gives_the_bucket()
    {
        var bucket = await server.CreateBucketAsync();
        File.WriteAllText(Path.Combine(workspace.Path, "s3deploy.json"), $$"""
            { "endpointUrl": "{{server.Endpoint}}", "targets": { "staging": { "target": "s3://{{bucket}}/staging" } } }
            """);
        var environment = AzureModeTests.Environment(workspace.Path);
        environment["SYSTEM_DEFAULTWORKINGDIRECTORY"] = workspace.Path;
        environment["INPUT_SOURCE"] = "dist";
        environment["INPUT_TARGET"] = "staging";
        environment["INPUT_TOOLPATH"] = AzureModeTests.CliDll;

        var run = await ProcessRun.StartAsync("node", [Handler], workspace.Path, environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Target staging: {Path.Combine(workspace.Path, "dist")} -> s3://{bucket}/staging", run.Lines);
        using var listing = new Bucket(server.Client(), bucket, server.Endpoint);
        Assert.Contains("staging/index.html", (await listing.ListAsync()).Keys);
    }

    [Fact]
    public async Task Missing_required_input_fails_the_task_with_an_issue()
    {
        var environment = AzureModeTests.Environment(workspace.Path);
        environment["INPUT_SOURCE"] = "dist";

        var run = await ProcessRun.StartAsync("node", [Handler], workspace.Path, environment);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["##vso[task.logissue type=error;code=S3D006]Input 'bucket' is required.", "##vso[task.complete result=Failed;]"], run.Lines);
    }

    [Theory]
    [InlineData("INPUT_ROLEARN", "not-a-role", "S3D082")]
    [InlineData("INPUT_PREVIEW", "../x", "S3D080")]
    public async Task Role_and_preview_inputs_reach_the_cli(string input, string value, string code)
    {
        var environment = AzureModeTests.Environment(workspace.Path);
        environment["SYSTEM_DEFAULTWORKINGDIRECTORY"] = workspace.Path;
        environment["INPUT_SOURCE"] = "dist";
        environment["INPUT_BUCKET"] = "some-bucket";
        environment["INPUT_ENDPOINTURL"] = "http://127.0.0.1:9";
        environment["INPUT_TOOLPATH"] = AzureModeTests.CliDll;
        environment[input] = value;

        var run = await ProcessRun.StartAsync("node", [Handler], workspace.Path, environment);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith($"##vso[task.logissue type=error;code={code}]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rollback_input_runs_a_rollback_without_a_source_and_rollback_to_an_unknown_id_is_refused()
    {
        var bucket = await server.CreateBucketAsync();
        var environment = AzureModeTests.Environment(workspace.Path);
        environment["SYSTEM_DEFAULTWORKINGDIRECTORY"] = workspace.Path;
        environment["INPUT_BUCKET"] = bucket;
        environment["INPUT_ENDPOINTURL"] = server.Endpoint;
        environment["INPUT_TOOLPATH"] = AzureModeTests.CliDll;
        environment["INPUT_SOURCE"] = "dist";
        Assert.Equal(0, (await ProcessRun.StartAsync("node", [Handler], workspace.Path, environment)).ExitCode);
        File.WriteAllText(Path.Combine(workspace.Path, "dist", "index.html"), "<h1>two</h1>");
        Assert.Equal(0, (await ProcessRun.StartAsync("node", [Handler], workspace.Path, environment)).ExitCode);
        environment.Remove("INPUT_SOURCE");

        environment["INPUT_ROLLBACKTO"] = "20200101-000000-000";
        var unknown = await ProcessRun.StartAsync("node", [Handler], workspace.Path, environment);
        environment.Remove("INPUT_ROLLBACKTO");
        environment["INPUT_ROLLBACK"] = "true";
        var back = await ProcessRun.StartAsync("node", [Handler], workspace.Path, environment);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains(unknown.Lines, l => l.StartsWith("##vso[task.logissue type=error;code=S3D068]", StringComparison.Ordinal));
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Contains(back.Lines, l => l.Contains($"Deployed release ", StringComparison.Ordinal) && l.Contains($"-> s3://{bucket}", StringComparison.Ordinal));
        // s3rver keeps a copied object's old ETag (see ReleaseTests), which fails the SDK's whole-body check; a range skips it.
        using var s3 = server.Client();
        using var restored = await s3.GetObjectAsync(new Amazon.S3.Model.GetObjectRequest { BucketName = bucket, Key = "index.html", ByteRange = new Amazon.S3.Model.ByteRange(0, 1000) });
        Assert.Equal("<h1>home</h1>", await new StreamReader(restored.ResponseStream).ReadToEndAsync());
    }

    [Fact]
    public async Task Break_lock_input_takes_a_lock_another_agent_holds()
    {
        var bucket = await server.CreateBucketAsync();
        using var listing = new Bucket(server.Client(), bucket, server.Endpoint);
        var until = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        await listing.PutAsync(".s3deploy/lock.json", $$"""{"holder":"Azure build 7 (agent-2, pid 9)","operation":"deploy","started":"2026-01-01T00:00:00Z","expires":"{{until}}","host":"agent-2","pid":9}""", "application/json");
        var environment = AzureModeTests.Environment(workspace.Path);
        environment["SYSTEM_DEFAULTWORKINGDIRECTORY"] = workspace.Path;
        environment["INPUT_SOURCE"] = "dist";
        environment["INPUT_BUCKET"] = bucket;
        environment["INPUT_ENDPOINTURL"] = server.Endpoint;
        environment["INPUT_TOOLPATH"] = AzureModeTests.CliDll;

        var refused = await ProcessRun.StartAsync("node", [Handler], workspace.Path, environment);
        environment["INPUT_BREAKLOCK"] = "true";
        var broken = await ProcessRun.StartAsync("node", [Handler], workspace.Path, environment);

        Assert.Equal(3, refused.ExitCode);
        Assert.Contains(refused.Lines, l => l.StartsWith("##vso[task.logissue type=error;code=S3D070]", StringComparison.Ordinal) && l.Contains("Azure build 7", StringComparison.Ordinal));
        Assert.True(broken.ExitCode == 0, broken.ToString());
        Assert.DoesNotContain(".s3deploy/lock.json", (await listing.ListAsync()).Keys);
    }

    public void Dispose() => workspace.Dispose();
}
