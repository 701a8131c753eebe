using System.Text.RegularExpressions;
using S3Deploy.ActionTests.Infrastructure;

namespace S3Deploy.ActionTests;

/// <summary>
/// The release workflow's parts run for real: its rewrite script on a copy of action.yml (then the pinned validator), and its
/// version step under bash with the variables the runner sets.
/// </summary>
public sealed partial class ReleaseWorkflowTests : IDisposable
{
    private const string Image = "ghcr.io/owner/s3deploy-action:1.2.3";
    private static readonly string Script = Path.Combine(RepoPaths.Root, "action", "release", "pin-image.sh");
    private static readonly string Workflow = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "release.yml")).ReplaceLineEndings("\n");
    private readonly string temp = Directory.CreateTempSubdirectory("s3deploy-release-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public async Task Rewritten_action_yml_runs_the_version_image_and_passes_the_validator()
    {
        var copy = CopyActionYml();

        var run = await PinAsync(copy, Image);

        Assert.True(run.ExitCode == 0, run.ToString());
        var validated = await ActionValidator.ValidateAsync(copy);
        Assert.True(validated.ExitCode == 0, validated.ToString());
        var before = File.ReadAllLines(Path.Combine(RepoPaths.Root, "action.yml"));
        var after = File.ReadAllLines(copy);
        Assert.Equal(before.Length, after.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Equal(["  image: Dockerfile"], changed.Select(i => before[i]));
        Assert.Equal(["  image: docker://" + Image], changed.Select(i => after[i]));
    }

    [Fact]
    public void Repository_action_yml_still_builds_the_Dockerfile_so_uses_dot_tests_the_checked_out_code()
    {
        var yml = File.ReadAllText(Path.Combine(RepoPaths.Root, "action.yml")).ReplaceLineEndings("\n");

        Assert.EndsWith("runs:\n  using: docker\n  image: Dockerfile\n", yml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewrite_refuses_an_action_yml_that_is_already_pinned_and_leaves_it_as_it_was()
    {
        var copy = CopyActionYml();
        Assert.Equal(0, (await PinAsync(copy, Image)).ExitCode);
        var pinned = File.ReadAllText(copy);

        var again = await PinAsync(copy, "ghcr.io/owner/s3deploy-action:9.9.9");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("exactly one '  image: Dockerfile' line", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(pinned, File.ReadAllText(copy));
    }

    [Theory]
    [InlineData("ghcr.io/Owner/s3deploy-action:1.2.3")]
    [InlineData("ghcr.io/owner/s3deploy-action")]
    [InlineData("ghcr.io/owner/s3deploy-action:1.2.3|x")]
    public async Task Rewrite_refuses_an_image_a_registry_would_not_take_and_changes_nothing(string image)
    {
        var copy = CopyActionYml();

        var run = await PinAsync(copy, image);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "action.yml")), File.ReadAllText(copy));
    }

    [Theory]
    [InlineData("v1.2.3", "Octo-Org", "1.2.3", "v1", "ghcr.io/octo-org/s3deploy-action")]
    [InlineData("v10.0.12", "owner", "10.0.12", "v10", "ghcr.io/owner/s3deploy-action")]
    public async Task Version_step_turns_the_tag_into_the_version_the_major_tag_and_a_lowercase_image(string tag, string owner, string version, string major, string image)
    {
        var output = Path.Combine(temp, "output");

        var run = await RunVersionStepAsync(tag, owner, output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([$"tag={tag}", $"version={version}", $"major={major}", $"image={image}"], File.ReadAllLines(output));
    }

    [Theory]
    [InlineData("v1.2")]
    [InlineData("v1.2.3-rc.1")]
    [InlineData("v1.2.3.4")]
    public async Task Version_step_fails_on_a_tag_that_is_not_major_minor_patch_and_writes_no_output(string tag)
    {
        var output = Path.Combine(temp, "output");

        var run = await RunVersionStepAsync(tag, "owner", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"::error title=Release::tag '{tag}' is not vMAJOR.MINOR.PATCH", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Workflow_pins_every_action_by_full_commit_sha()
    {
        var uses = UsesLine().Matches(Workflow).Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(["actions/checkout", "actions/setup-dotnet", "docker/login-action", "docker/build-push-action"], uses.Select(u => u.Split('@')[0]));
        Assert.All(uses, u => Assert.Matches("@[0-9a-f]{40}$", u));
    }

    [Fact]
    public void Workflow_pins_action_yml_to_the_version_image_it_pushed_and_only_then_moves_the_tags()
    {
        const string versionImage = "${{ steps.version.outputs.image }}:${{ steps.version.outputs.version }}";

        Assert.Contains("tags: |\n            " + versionImage + "\n", Workflow, StringComparison.Ordinal);
        Assert.Contains("IMAGE: " + versionImage + "\n", Workflow, StringComparison.Ordinal);
        Assert.Contains("action/release/pin-image.sh action.yml \"$IMAGE\"\n", Workflow, StringComparison.Ordinal);
        var push = Workflow.IndexOf("git push --force", StringComparison.Ordinal);
        Assert.True(Workflow.IndexOf("docker/build-push-action@", StringComparison.Ordinal) < push);
        Assert.True(Workflow.IndexOf("docker run --rm --pull always", StringComparison.Ordinal) < push);
        Assert.Contains("permissions:\n  contents: write", Workflow, StringComparison.Ordinal);
        Assert.Contains("  packages: write", Workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void Smoke_test_of_the_pushed_image_runs_the_entrypoint_the_Dockerfile_names()
    {
        var entrypoint = EntrypointLine().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile"))).Groups[1].Value;

        Assert.StartsWith("/", entrypoint, StringComparison.Ordinal);
        Assert.Contains($"docker run --rm --pull always --entrypoint {entrypoint} \"$IMAGE\" --help\n", Workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_gives_the_NuGet_key_only_to_the_push_step_through_the_environment()
    {
        var mentions = Regex.Matches(Workflow, @"secrets\.NUGET_API_KEY").Count;

        Assert.Equal(2, mentions);
        Assert.Contains("enabled=${{ secrets.NUGET_API_KEY != '' }}", Workflow, StringComparison.Ordinal);
        Assert.Contains("NUGET_API_KEY: ${{ secrets.NUGET_API_KEY }}\n        run: dotnet nuget push \"artifacts/*.nupkg\" --api-key \"$NUGET_API_KEY\"", Workflow, StringComparison.Ordinal);
    }

    private static Task<ProcessRun> PinAsync(string file, string image) =>
        ProcessRun.StartAsync("bash", [Script, file, image], RepoPaths.Root, new Dictionary<string, string?>());

    private Task<ProcessRun> RunVersionStepAsync(string tag, string owner, string output) =>
        ProcessRun.StartAsync(
            "bash",
            ["--noprofile", "--norc", "-e", "-o", "pipefail", "-c", StepScript("version")],
            temp,
            new Dictionary<string, string?> { ["GITHUB_REF_NAME"] = tag, ["GITHUB_REPOSITORY_OWNER"] = owner, ["GITHUB_OUTPUT"] = output });

    /// <summary>The block under 'run: |' of the step with this id, unindented, as the runner hands it to bash.</summary>
    private static string StepScript(string id)
    {
        var lines = Workflow.Split('\n');
        var start = Array.IndexOf(lines, "        id: " + id) + 1;
        Assert.True(start > 0, $"release.yml has no step with id '{id}'");
        Assert.Equal("        run: |", lines[start]);
        return string.Join('\n', lines.Skip(start + 1).TakeWhile(l => l.StartsWith("          ", StringComparison.Ordinal) || l.Length == 0).Select(l => l.Length == 0 ? l : l[10..]));
    }

    private string CopyActionYml()
    {
        // The validator tells an action from a workflow by the file name, so the copy keeps it.
        var copy = Path.Combine(temp, "action.yml");
        File.Copy(Path.Combine(RepoPaths.Root, "action.yml"), copy);
        return copy;
    }

    [GeneratedRegex("^ENTRYPOINT \\[\"([^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex EntrypointLine();

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex UsesLine();
}
