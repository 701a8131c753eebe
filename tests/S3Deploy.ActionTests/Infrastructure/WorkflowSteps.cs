namespace S3Deploy.ActionTests.Infrastructure;

/// <summary>The release workflow's text and the scripts of its steps, as the runner hands them to bash.</summary>
internal static class WorkflowSteps
{
    public static string Release { get; } = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "release.yml")).ReplaceLineEndings("\n");

    /// <summary>The block under 'run: |' of the step with this id, unindented.</summary>
    public static string Script(string id)
    {
        var lines = Release.Split('\n');
        var start = Array.IndexOf(lines, "        id: " + id) + 1;
        Assert.True(start > 0, $"release.yml has no step with id '{id}'");
        var run = Array.IndexOf(lines, "        run: |", start);
        Assert.True(run > 0, $"the step '{id}' has no 'run: |' block");
        return string.Join('\n', lines.Skip(run + 1).TakeWhile(l => l.StartsWith("          ", StringComparison.Ordinal) || l.Length == 0).Select(l => l.Length == 0 ? l : l[10..]));
    }
}
