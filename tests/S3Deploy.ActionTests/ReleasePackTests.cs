using System.Text.RegularExpressions;
using S3Deploy.ActionTests.Infrastructure;

namespace S3Deploy.ActionTests;

/// <summary>
/// The release packs the tool as three packages that must sit in one feed: the pointer names a package per runtime, and
/// dotnet tool install fails when the one for its runtime is missing. The install itself needs the linux-x64 AOT package,
/// a Native AOT compile, so it runs only with S3DEPLOY_NATIVE_TESTS=1, which the release's "Native tests" step sets.
/// </summary>
public sealed partial class ReleasePackTests : IDisposable
{
    private const string Version = "9.8.7";
    private readonly string temp = Directory.CreateTempSubdirectory("s3deploy-release-pack-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Pack_step_packs_the_pointer_and_a_package_for_every_runtime_the_cli_names()
    {
        var csproj = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "S3Deploy.Cli", "S3Deploy.Cli.csproj"));
        var runtimes = RuntimeList().Match(csproj).Groups[1].Value.Split(';');
        const string cli = "dotnet pack src/S3Deploy.Cli -c Release -o artifacts -p:Version=\"$VERSION\"";

        var lines = WorkflowSteps.Script("pack").Split('\n');

        Assert.Equal(["linux-x64", "any"], runtimes);
        Assert.Contains(cli, lines);
        Assert.Contains(cli + " -r linux-x64", lines);
        Assert.Contains(cli + " -r any -p:PublishAot=false", lines);
    }

    [Fact]
    public void Native_tests_run_with_their_variable_before_anything_is_pushed()
    {
        var workflow = WorkflowSteps.Release;
        var native = workflow.IndexOf("      - name: Native tests\n        env:\n          S3DEPLOY_NATIVE_TESTS: '1'\n", StringComparison.Ordinal);

        Assert.InRange(native, 1, workflow.IndexOf("docker/login-action@", StringComparison.Ordinal));
        Assert.Contains($"dotnet test tests/S3Deploy.ActionTests --filter \"FullyQualifiedName~{nameof(NativeImageTests)}|FullyQualifiedName~{nameof(ReleasePackTests)}\"\n", workflow, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y --no-install-recommends clang zlib1g-dev\n", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_is_built_with_the_tags_version_and_the_smoke_test_checks_it()
    {
        Assert.Contains("build-args: VERSION=${{ steps.version.outputs.version }}\n", WorkflowSteps.Release, StringComparison.Ordinal);
        Assert.Contains("said=$(docker run --rm --entrypoint /usr/local/bin/s3deploy \"$IMAGE\" --version)\n", WorkflowSteps.Release, StringComparison.Ordinal);
        Assert.Contains("[[ $said == \"$VERSION\"* ]] || {", WorkflowSteps.Release, StringComparison.Ordinal);
    }

    [NativeFact]
    public async Task Tool_installed_from_the_packed_folder_is_the_native_file_and_says_the_release_version()
    {
        var feed = Path.Combine(temp, "artifacts");
        var tools = Path.Combine(temp, "tools");
        var script = WorkflowSteps.Script("pack").Replace(" -o artifacts ", $" -o {feed} ", StringComparison.Ordinal);
        var environment = new Dictionary<string, string?>
        {
            ["VERSION"] = Version,
            ["DOTNET_NOLOGO"] = "1",
            ["MSBuildExtensionsPath"] = null,
            ["MSBuildSDKsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["VSTestLogger"] = null,
            ["VSTestResultsDirectory"] = null,
        };

        var pack = await ProcessRun.StartAsync("bash", ["--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script], RepoPaths.Root, environment, TimeSpan.FromMinutes(20));
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var install = await ProcessRun.StartAsync("dotnet", ["tool", "install", "S3Deploy.Cli", "--tool-path", tools, "--add-source", feed, "--version", Version], temp, environment, TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, install.ToString());
        var version = await ProcessRun.StartAsync(Path.Combine(tools, "s3deploy"), ["--version"], temp, environment);

        // assert
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Equal(Version, version.Stdout.Trim().Split('+')[0]);
        Assert.Empty(Directory.GetFiles(tools, "s3deploy.dll", SearchOption.AllDirectories));
        Assert.Contains(Directory.GetFiles(tools, "s3deploy", SearchOption.AllDirectories), f => f.Contains("linux-x64", StringComparison.Ordinal));
    }

    [GeneratedRegex("<ToolPackageRuntimeIdentifiers>([^<]+)</ToolPackageRuntimeIdentifiers>")]
    private static partial Regex RuntimeList();
}
