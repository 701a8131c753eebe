using S3Deploy.ActionTests.Infrastructure;

namespace S3Deploy.ActionTests;

/// <summary>action.yml, the sample workflows and the repository's own workflows pass the pinned @action-validator/cli (offline once npm ci has run).</summary>
public sealed class ValidatorTests
{
    public static TheoryData<string> Files() => new(FilesToValidate());

    [Fact]
    public void The_release_workflow_is_among_the_validated_files() =>
        Assert.Contains(Path.Combine(".github", "workflows", "release.yml"), FilesToValidate());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task File_is_valid(string file)
    {
        var run = await ActionValidator.ValidateAsync(file);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private static IEnumerable<string> FilesToValidate()
    {
        yield return "action.yml";
        foreach (var folder in new[] { Path.Combine("samples", "workflows"), Path.Combine(".github", "workflows") })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.yml").Order(StringComparer.Ordinal))
            {
                yield return Path.GetRelativePath(RepoPaths.Root, file);
            }
        }
    }
}
