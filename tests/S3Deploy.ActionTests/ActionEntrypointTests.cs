using System.Text.RegularExpressions;
using S3Deploy.ActionTests.Infrastructure;
using S3Deploy.Core;
using S3Deploy.Core.Remote;

namespace S3Deploy.ActionTests;

/// <summary>The container's entrypoint, <c>s3deploy action</c>, run as the runner runs a container action, against s3rver.</summary>
[Collection(ActionCollection.Name)]
public sealed partial class ActionEntrypointTests(S3ServerFixture server) : IDisposable
{
    private readonly TempSite workspace = new();

    [Fact]
    public async Task Deploy_appends_outputs_and_summary_and_groups_its_phases()
    {
        var bucket = await server.CreateBucketAsync();
        using var cloudFront = new FakeCloudFront("S3RVER", "S3RVER");
        cloudFront.AddDistribution("EDIST1", bucket, originPath: "/www");
        cloudFront.AddDistribution("EDIST2", bucket, originPath: "/www");
        workspace.Write("dist/index.html", "<h1>v1</h1>");
        workspace.Write("dist/app.js", "v1");
        workspace.Write("dist/app.js.map", "{}");
        workspace.Write("dist/Cafe\u0301.txt", "menu");
        workspace.Write("dist/old.txt", "old");
        workspace.Write("s3deploy.json", $$"""{ "cloudfront": { "endpointUrl": "{{cloudFront.Endpoint}}" } }""");
        await new Deployer().DeployAsync(new DeployOptions { Source = workspace.FullPath("dist"), Target = new S3Target(bucket, "www"), Connection = server.Connection });
        workspace.Write("dist/app.js", "v2 changed");
        workspace.Write("dist/new.css", "a{}");
        workspace.Delete("dist/old.txt");

        var run = await RunAsync(new()
        {
            ["INPUT_SOURCE"] = "dist",
            ["INPUT_BUCKET"] = bucket,
            ["INPUT_PREFIX"] = "www",
            ["INPUT_EXCLUDE"] = "*.map\n\ndrafts/\n",
            ["INPUT_WEBSITE"] = "true",
            ["INPUT_CLOUDFRONT-DISTRIBUTION-ID"] = "EDIST1,\nEDIST2",
            ["INPUT_WAIT-FOR-INVALIDATION"] = "false",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        var outputs = File.ReadAllText(workspace.FullPath("output")).Split('\n');
        var delimiter = Delimiter().Match(outputs[6]).Groups[1].Value;
        var ids = cloudFront.Invalidations("EDIST1").Concat(cloudFront.Invalidations("EDIST2")).Select(i => i.Id).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.Equal(
            ["previous=1", "uploaded=2", "headers-updated=0", "deleted=1", "unchanged=2", "bytes-uploaded=13",
             $"invalidation-ids<<{delimiter}", ids[0], ids[1], delimiter, $"website-url={server.Endpoint}/{bucket}/www/", "preview-url=", $"url={server.Endpoint}/{bucket}/www/", ""],
            outputs);
        var summary = File.ReadAllText(workspace.FullPath("summary"));
        Assert.StartsWith("previous summary\n### S3Deploy: deployed\n", summary);
        Assert.Contains("| uploaded | headers updated | deleted | unchanged | bytes uploaded | duration |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n| 2 | 0 | 1 | 2 | 13 B | ", summary);
        Assert.Contains("| app.js | upload | content |\n| new.css | upload | new |\n| old.txt | delete | stale |\n", summary);
        Assert.Contains($"CloudFront `EDIST1`: invalidation `{ids[0]}` (InProgress), 2 paths", summary);
        Assert.Contains($"Website: {server.Endpoint}/{bucket}/www/", summary);
        Assert.Contains("::group::Uploading assets (2 objects)", run.Lines);
        Assert.Contains("::group::Deleting stale objects (1 object)", run.Lines);
        Assert.Equal(run.Lines.Count(l => l.StartsWith("::group::", StringComparison.Ordinal)), run.Lines.Count(l => l == "::endgroup::"));
        var keys = (await ListAsync(bucket)).Keys;
        Assert.Contains("www/Caf\u00e9.txt", keys);
        Assert.Contains("www/app.js.map", keys);
        Assert.DoesNotContain("www/old.txt", keys);
    }

    [Fact]
    public async Task Bad_input_is_an_error_annotation_with_its_code_and_the_bucket_is_untouched()
    {
        var bucket = await server.CreateBucketAsync();
        workspace.Write("dist/index.html", "<h1>v1</h1>");

        var run = await RunAsync(new() { ["INPUT_SOURCE"] = "dist", ["INPUT_BUCKET"] = bucket, ["INPUT_MAX-DELETES"] = "lots: 5, maybe" });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["::error title=S3D006::Input 'max-deletes' must be a whole number, not 'lots: 5, maybe'."], run.Lines);
        Assert.Equal("previous=1\n", File.ReadAllText(workspace.FullPath("output")));
        Assert.Empty(await ListAsync(bucket));
    }

    [Fact]
    public async Task A_value_the_validator_refuses_is_named_as_the_input_that_gave_it()
    {
        var bucket = await server.CreateBucketAsync();
        workspace.Write("dist/index.html", "<h1>v1</h1>");

        var run = await RunAsync(new() { ["INPUT_SOURCE"] = "dist", ["INPUT_BUCKET"] = bucket, ["INPUT_CONCURRENCY"] = "0" });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["::error title=S3D006::input 'concurrency': must be between 1 and 256."], run.Lines);
        Assert.Empty(await ListAsync(bucket));
    }

    [Fact]
    public async Task Missing_source_folder_fails_with_S3D001_and_no_outputs()
    {
        var bucket = await server.CreateBucketAsync();

        var run = await RunAsync(new() { ["INPUT_SOURCE"] = "nowhere", ["INPUT_BUCKET"] = bucket });

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("::error title=S3D001::", run.Lines[^1], StringComparison.Ordinal);
        Assert.Equal("previous=1\n", File.ReadAllText(workspace.FullPath("output")));
    }

    public void Dispose() => workspace.Dispose();

    private async Task<ProcessRun> RunAsync(Dictionary<string, string?> inputs)
    {
        File.WriteAllText(workspace.FullPath("output"), "previous=1\n");
        File.WriteAllText(workspace.FullPath("summary"), "previous summary\n");
        return await ProcessRun.StartAsync("dotnet", [AzureModeTests.CliDll, "action"], workspace.Path, Environment(workspace, server, inputs));
    }

    /// <summary>The runner's environment for a container action: inputs with hyphens, the workspace, the output and summary files.</summary>
    internal static Dictionary<string, string?> Environment(TempSite workspace, S3ServerFixture server, Dictionary<string, string?> inputs) =>
        new(inputs)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["TF_BUILD"] = null,
            ["GITHUB_WORKSPACE"] = workspace.Path,
            ["GITHUB_OUTPUT"] = workspace.FullPath("output"),
            ["GITHUB_STEP_SUMMARY"] = workspace.FullPath("summary"),
            ["INPUT_ENDPOINT-URL"] = server.Endpoint,
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };

    private async Task<Dictionary<string, string>> ListAsync(string bucket)
    {
        using var listing = new Bucket(server.Client(), bucket, server.Endpoint);
        return await listing.ListAsync();
    }

    [GeneratedRegex("^invalidation-ids<<(ghadelimiter_[0-9a-f-]{36})$")]
    private static partial Regex Delimiter();
}
