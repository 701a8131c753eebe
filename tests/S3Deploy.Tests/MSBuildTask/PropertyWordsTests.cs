using S3Deploy.MSBuild;

namespace S3Deploy.Tests.MSBuildTask;

/// <summary>A bad value the CLI names by its flag (the JSON error's "option") is named in a build by the property that gave it.</summary>
public sealed class PropertyWordsTests
{
    [Theory]
    [InlineData("--max-deletes", "--max-deletes: must be 0 or more.", "S3DeployMaxDeletes: must be 0 or more.")]
    [InlineData("--no-delete", "--no-delete: cannot be used here.", "S3DeployDelete: cannot be used here.")]
    [InlineData("--cloudfront-endpoint-url", "--cloudfront-endpoint-url 'x' is not a URL.", "S3DeployCloudFrontEndpointUrl 'x' is not a URL.")]
    [InlineData("--no-wait", "--no-wait: no.", "S3DeployWait: no.")]
    public void A_flag_at_the_start_of_the_message_becomes_its_property(string flag, string message, string expected)
    {
        Assert.Equal(expected, CliArguments.InPropertyWords(message, flag));
    }

    [Theory]
    [InlineData(null, "Bucket 'b' does not exist.")]
    [InlineData("--max-deletes", "The deploy would delete 300 objects.")]
    [InlineData("--not-a-flag-of-the-task", "--not-a-flag-of-the-task: bad.")]
    public void Other_messages_stay_as_the_CLI_wrote_them(string? flag, string message)
    {
        Assert.Equal(message, CliArguments.InPropertyWords(message, flag));
    }
}
