using S3Deploy.ActionTests.Infrastructure;

namespace S3Deploy.ActionTests;

/// <summary>action.yml and the sample workflows pass the pinned @action-validator/cli (offline once npm ci has run).</summary>
public sealed class ValidatorTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "action", "validator");
    private static readonly Lazy<Task> Installed = new(InstallAsync);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string> { "action.yml" };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "samples", "workflows"), "*.yml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task File_is_valid(string file)
    {
        await Installed.Value;

        var run = await ProcessRun.StartAsync("node", [Path.Combine(Folder, "node_modules", "@action-validator", "cli", "cli.mjs"), file], RepoPaths.Root, new Dictionary<string, string?>());

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private static async Task InstallAsync()
    {
        if (!File.Exists(Path.Combine(Folder, "node_modules", "@action-validator", "cli", "cli.mjs")))
        {
            var run = await ProcessRun.StartAsync("npm", ["ci", "--prefix", Folder, "--no-audit", "--no-fund"], RepoPaths.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(5));
            Assert.True(run.ExitCode == 0, run.ToString());
        }
    }
}
