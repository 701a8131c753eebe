using S3Deploy.ActionTests.Infrastructure;

namespace S3Deploy.ActionTests;

/// <summary>
/// The one native file the image holds (the Dockerfile's own publish) runs its entrypoint as the runner would. The publish is a
/// Native AOT compile, so these run only with S3DEPLOY_NATIVE_TESTS=1 (the release workflow, before it pushes the image).
/// </summary>
[Collection(ActionCollection.Name)]
public sealed class NativeImageTests(S3ServerFixture server, PublishedAction image) : IClassFixture<PublishedAction>, IDisposable
{
    private readonly TempSite workspace = TempSite.With(("dist/index.html", "<h1>v1</h1>"), ("dist/app.js", "v1"), ("dist/Cafe\u0301.txt", "menu"));

    [NativeFact]
    public void Entrypoint_is_native_aot_code_with_no_dotnet_host()
    {
        // Every .NET apphost (single-file bundles included, which start a runtime and JIT) carries this bundle signature; Native AOT has no host.
        ReadOnlySpan<byte> hostBundleSignature =
        [
            0x8b, 0x12, 0x02, 0xb9, 0x6a, 0x61, 0x20, 0x38, 0x72, 0x7b, 0x93, 0x02, 0x14, 0xd7, 0xa0, 0x32,
            0x13, 0xf5, 0xb9, 0xe6, 0xef, 0xae, 0x33, 0x18, 0xee, 0x3b, 0x2d, 0xce, 0x24, 0xb3, 0x6a, 0xae,
        ];

        Assert.True(File.ReadAllBytes(image.Binary).AsSpan().IndexOf(hostBundleSignature) < 0, "s3deploy is a .NET host, not a Native AOT file");
    }

    [NativeFact]
    public async Task Entrypoint_says_the_version_the_image_was_built_with()
    {
        var run = await ProcessRun.StartAsync(image.Binary, ["--version"], workspace.Path, new Dictionary<string, string?>());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(PublishedAction.Version, run.Stdout.Trim().Split('+')[0]);
    }

    [NativeFact]
    public async Task Native_entrypoint_deploys_from_the_inputs_and_writes_outputs_and_summary()
    {
        var bucket = await server.CreateBucketAsync();
        File.WriteAllText(workspace.FullPath("output"), "");
        File.WriteAllText(workspace.FullPath("summary"), "");
        var inputs = new Dictionary<string, string?> { ["INPUT_SOURCE"] = "dist", ["INPUT_BUCKET"] = bucket, ["INPUT_PREFIX"] = "www" };

        var run = await ProcessRun.StartAsync(image.Binary, ["action"], workspace.Path, ActionEntrypointTests.Environment(workspace, server, inputs));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("::group::Uploading assets (2 objects)", run.Lines);
        Assert.StartsWith("uploaded=3\n", File.ReadAllText(workspace.FullPath("output")), StringComparison.Ordinal);
        Assert.Contains("| Caf\u00e9.txt | upload | new |", File.ReadAllText(workspace.FullPath("summary")), StringComparison.Ordinal);
        using var listing = new Bucket(server.Client(), bucket, server.Endpoint);
        Assert.Contains("www/Caf\u00e9.txt", (await listing.ListAsync()).Keys);
    }

    public void Dispose() => workspace.Dispose();
}
