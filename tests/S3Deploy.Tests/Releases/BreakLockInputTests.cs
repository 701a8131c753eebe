using S3Deploy.Cli;

namespace S3Deploy.Tests.Releases;

/// <summary>The Action's 'break-lock' input reaches the options of a deploy and of a rollback.</summary>
public sealed class BreakLockInputTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("true", null, true)]
    [InlineData("false", null, false)]
    [InlineData("true", "true", true)]
    public void The_action_input_breaks_the_lock(string? input, string? rollback, bool expected)
    {
        var environment = new Dictionary<string, string?> { ["INPUT_SOURCE"] = "dist", ["INPUT_BUCKET"] = "bucket", ["INPUT_BREAK-LOCK"] = input, ["INPUT_ROLLBACK"] = rollback };

        var options = new ActionInputs(environment.GetValueOrDefault).ToOptions(Path.GetTempPath());

        Assert.Equal(expected, options.BreakLock);
        Assert.True(options.Lock);
    }
}
