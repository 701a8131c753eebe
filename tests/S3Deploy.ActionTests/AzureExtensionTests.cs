using System.IO.Compression;
using System.Text.Json;
using S3Deploy.ActionTests.Infrastructure;

namespace S3Deploy.ActionTests;

/// <summary>
/// The Azure Pipelines extension as tfx-cli packages it (offline, the pinned tfx from action/azure), and the task inside
/// the .vsix, not the one in the repository, run as the agent runs it against s3rver.
/// </summary>
[Collection(ActionCollection.Name)]
public sealed class AzureExtensionTests(S3ServerFixture server) : IDisposable
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "action", "azure");
    private static readonly string Tfx = Path.Combine(Folder, "node_modules", "tfx-cli", "_build", "tfx-cli.js");
    private readonly TempSite output = new();
    private readonly TempSite extracted = new();
    private readonly TempSite workspace = TempSite.With(("dist/index.html", "<h1>home</h1>"), ("dist/css/site.css", "body{}"), ("dist/app.js.map", "{}"));

    [Fact]
    public async Task Tfx_packages_the_task_offline_and_the_packaged_handler_deploys()
    {
        await InstallAsync();

        var create = await ProcessRun.StartAsync("node", [Tfx, "extension", "create", "--manifest-globs", "vss-extension.json", "--output-path", output.Path, "--no-prompt", "--no-color"], Folder, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1));

        Assert.True(create.ExitCode == 0, create.ToString());
        var vsix = Assert.Single(Directory.GetFiles(output.Path, "*.vsix"));
        Assert.Equal("s3deploy.s3deploy-0.1.0.vsix", Path.GetFileName(vsix));
        using (var zip = ZipFile.OpenRead(vsix))
        {
            var names = zip.Entries.Where(e => e.Name.Length > 0).Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(["[Content_Types].xml", "extension.vsixmanifest", "extension.vsomanifest", "task/index.js", "task/task.json"], names);
            Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, "task", "index.js")), Read(zip, "task/index.js"));
            Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, "task", "task.json")), Read(zip, "task/task.json"));

            using var manifest = JsonDocument.Parse(Read(zip, "extension.vsomanifest"));
            var contribution = Assert.Single(manifest.RootElement.GetProperty("contributions").EnumerateArray());
            Assert.Equal("ms.vss-distributed-task.task", contribution.GetProperty("type").GetString());
            Assert.Equal("task", contribution.GetProperty("properties").GetProperty("name").GetString());

            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("task/", StringComparison.Ordinal) && e.Name.Length > 0))
            {
                var target = Path.Combine(extracted.Path, entry.FullName.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target);
            }
        }

        var bucket = await server.CreateBucketAsync();
        var environment = AzureModeTests.Environment(workspace.Path);
        environment["SYSTEM_DEFAULTWORKINGDIRECTORY"] = workspace.Path;
        environment["INPUT_SOURCE"] = "dist";
        environment["INPUT_BUCKET"] = bucket;
        environment["INPUT_PREFIX"] = "web";
        environment["INPUT_ENDPOINTURL"] = server.Endpoint;
        environment["INPUT_EXCLUDE"] = "*.map";
        environment["INPUT_TOOLPATH"] = AzureModeTests.CliDll;

        var run = await ProcessRun.StartAsync("node", [Path.Combine(extracted.Path, "task", "index.js")], workspace.Path, environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("##vso[task.setvariable variable=uploaded;isoutput=true]2", run.Lines);
        using var listing = new Bucket(server.Client(), bucket, server.Endpoint);
        Assert.Equal(["web/css/site.css", "web/index.html"], (await listing.ListAsync()).Keys.Where(k => !k.Contains(".s3deploy", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        output.Dispose();
        extracted.Dispose();
        workspace.Dispose();
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = (zip.GetEntry(name) ?? throw new InvalidOperationException("The .vsix has no " + name)).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task InstallAsync()
    {
        if (!File.Exists(Tfx))
        {
            var run = await ProcessRun.StartAsync("npm", ["ci", "--prefix", Folder, "--no-audit", "--no-fund"], RepoPaths.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(5));
            Assert.True(run.ExitCode == 0, run.ToString());
        }
    }
}
