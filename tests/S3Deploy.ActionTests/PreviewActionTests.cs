using S3Deploy.ActionTests.Infrastructure;
using S3Deploy.Core;
using S3Deploy.Core.Remote;

namespace S3Deploy.ActionTests;

/// <summary>The Action's <c>preview</c> input: the pull request's own folder, and its URL as the step's output.</summary>
[Collection(ActionCollection.Name)]
public sealed class PreviewActionTests(S3ServerFixture server) : IDisposable
{
    private readonly TempSite workspace = new();

    [Fact]
    public async Task A_preview_input_deploys_beside_the_site_and_outputs_its_url()
    {
        var bucket = await server.CreateBucketAsync();
        workspace.Write("dist/index.html", "<h1>live</h1>");
        await new Deployer().DeployAsync(new DeployOptions { Source = workspace.FullPath("dist"), Target = new S3Target(bucket, "www"), Connection = server.Connection });
        workspace.Write("dist/index.html", "<h1>pull request 12</h1>");
        File.WriteAllText(workspace.FullPath("output"), "");
        File.WriteAllText(workspace.FullPath("summary"), "");

        var run = await ProcessRun.StartAsync("dotnet", [AzureModeTests.CliDll, "action"], workspace.Path, ActionEntrypointTests.Environment(workspace, server, new()
        {
            ["INPUT_SOURCE"] = "dist",
            ["INPUT_BUCKET"] = bucket,
            ["INPUT_PREFIX"] = "www",
            ["INPUT_WEBSITE"] = "true",
            ["INPUT_PREVIEW"] = "12",
        }));

        Assert.True(run.ExitCode == 0, run.ToString());
        var url = $"{server.Endpoint}/{bucket}/www/_previews/12/";
        var outputs = File.ReadAllText(workspace.FullPath("output")).Split('\n');
        Assert.Contains($"preview-url={url}", outputs);
        Assert.Contains($"url={url}", outputs);
        Assert.Contains("website-url=", outputs);
        Assert.Contains($"Preview: {url}", File.ReadAllText(workspace.FullPath("summary")), StringComparison.Ordinal);
        using var listing = new Bucket(server.Client(), bucket, server.Endpoint);
        Assert.Equal("<h1>live</h1>"u8.ToArray(), await listing.GetAsync("www/index.html"));
        Assert.Equal("<h1>pull request 12</h1>"u8.ToArray(), await listing.GetAsync("www/_previews/12/index.html"));
    }

    public void Dispose() => workspace.Dispose();
}
