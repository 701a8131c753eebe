namespace S3Deploy.ActionTests.Infrastructure;

/// <summary>The pinned @action-validator/cli in action/validator, installed once with npm ci; it tells an action from a workflow by the file name.</summary>
internal static class ActionValidator
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "action", "validator");
    private static readonly string Cli = Path.Combine(Folder, "node_modules", "@action-validator", "cli", "cli.mjs");
    private static readonly Lazy<Task> Installed = new(InstallAsync);

    public static async Task<ProcessRun> ValidateAsync(string file)
    {
        await Installed.Value;
        return await ProcessRun.StartAsync("node", [Cli, file], RepoPaths.Root, new Dictionary<string, string?>());
    }

    private static async Task InstallAsync()
    {
        if (!File.Exists(Cli))
        {
            var run = await ProcessRun.StartAsync("npm", ["ci", "--prefix", Folder, "--no-audit", "--no-fund"], RepoPaths.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(5));
            Assert.True(run.ExitCode == 0, run.ToString());
        }
    }
}
