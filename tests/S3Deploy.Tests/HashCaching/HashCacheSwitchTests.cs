using S3Deploy.Cli;

namespace S3Deploy.Tests.HashCaching;

/// <summary>The cache is on unless a source turns it off: the CLI flag and the Action input reach the same option.</summary>
public sealed class HashCacheSwitchTests
{
    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--no-hash-cache" }, false)]
    public void The_cli_flag_turns_the_cache_off(string[] flags, bool expected)
    {
        var command = new DeployCommand();
        var parse = command.Build("deploy", "Deploy.").Parse(["site", "s3://bucket", .. flags]);

        Assert.Empty(parse.Errors);
        Assert.Equal(expected, command.ToOptions(parse, planOnly: false).HashCache);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void The_action_input_turns_the_cache_off(string? input, bool expected)
    {
        var environment = new Dictionary<string, string?> { ["INPUT_SOURCE"] = "dist", ["INPUT_BUCKET"] = "bucket", ["INPUT_HASH-CACHE"] = input };

        var options = new ActionInputs(environment.GetValueOrDefault).ToOptions(Path.GetTempPath());

        Assert.Equal(expected, options.HashCache);
    }
}
