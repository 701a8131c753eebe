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
    public void Final_stage_is_runtime_deps_with_only_the_binary_and_no_user_or_workdir()
    {
        var final = Lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0", StringComparison.Ordinal)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

        Assert.Equal(
            ["FROM mcr.microsoft.com/dotnet/runtime-deps:10.0", "COPY --from=build /out/s3deploy-action /usr/local/bin/s3deploy-action", "ENTRYPOINT [\"/usr/local/bin/s3deploy-action\"]"],
            final);
        Assert.DoesNotContain(Lines, l => l.StartsWith("USER", StringComparison.OrdinalIgnoreCase) || l.StartsWith("WORKDIR", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Build_stage_publishes_self_contained_and_trimmed() =>
        Assert.Equal("dotnet publish action/S3Deploy.Action -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true", PublishedAction.PublishCommand());
}
