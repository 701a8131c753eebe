using S3Deploy.ActionTests.Infrastructure;

namespace S3Deploy.ActionTests;

public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "Dockerfile"));

    [Fact]
    public void Action_yml_builds_the_root_Dockerfile_whose_folder_is_the_build_context()
    {
        var yml = File.ReadAllText(Path.Combine(RepoPaths.Root, "action.yml"));

        Assert.Contains("runs:\n  using: docker\n  image: Dockerfile", yml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Final_stage_is_runtime_deps_with_only_the_cli_whose_action_command_is_the_entrypoint()
    {
        var final = Lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0", StringComparison.Ordinal)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

        Assert.Equal(
            ["FROM mcr.microsoft.com/dotnet/runtime-deps:10.0", "COPY --from=build /out/s3deploy /usr/local/bin/s3deploy", "ENTRYPOINT [\"/usr/local/bin/s3deploy\", \"action\"]"],
            final);
        Assert.DoesNotContain(Lines, l => l.StartsWith("USER", StringComparison.OrdinalIgnoreCase) || l.StartsWith("WORKDIR", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Build_stage_publishes_the_cli_native_aot_with_the_version_it_is_given() =>
        Assert.Equal("dotnet publish src/S3Deploy.Cli -c Release -r linux-x64 -p:PublishAot=true -p:Version=$VERSION", PublishedAction.PublishCommand());

    [Fact]
    public void Version_argument_defaults_to_the_projects_own_version_and_comes_before_the_publish()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        var version = props[(props.IndexOf("<Version>", StringComparison.Ordinal) + 9)..props.IndexOf("</Version>", StringComparison.Ordinal)];
        var argument = Array.IndexOf(Lines, "ARG VERSION=" + version);
        var publish = Array.FindIndex(Lines, l => l.Contains("dotnet publish", StringComparison.Ordinal));

        Assert.InRange(argument, 1, publish - 1);
    }

    [Fact]
    public void Build_stage_installs_the_native_linker_and_zlib_before_publishing()
    {
        var install = Array.FindIndex(Lines, l => l.StartsWith("RUN apt-get update && apt-get install -y", StringComparison.Ordinal) && l.Contains(" clang zlib1g-dev", StringComparison.Ordinal));
        var publish = Array.FindIndex(Lines, l => l.Contains("dotnet publish", StringComparison.Ordinal));

        Assert.InRange(install, 1, publish - 1);
    }

    [Fact]
    public void Build_context_is_the_cli_and_the_core_it_compiles()
    {
        var allowed = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore")).Where(l => l.StartsWith('!')).Select(l => l[1..]);

        Assert.Equal(["global.json", "Directory.Build.props", "Directory.Packages.props", "src/S3Deploy.Core/", "src/S3Deploy.Cli/"], allowed);
    }
}
