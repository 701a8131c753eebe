using static S3Deploy.Tests.CliRun;

namespace S3Deploy.Tests.Targets;

/// <summary>--target on the command line: an unknown name stops before any request; a known one is named in the output.</summary>
public sealed class TargetCliTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task An_unknown_target_exits_2_naming_the_known_ones_and_contacts_nothing()
    {
        temp.Write("site/index.html", "<h1>hi</h1>");
        var config = temp.Write("s3deploy.json", $$"""
            { "source": "site", "target": "s3://bucket-a", "endpointUrl": "{{DeadEndpoint}}", "targets": { "staging": {}, "production": {} } }
            """);

        var (exit, stdout, stderr) = await Run("deploy", "--config", config, "--target", "prod", "--json");

        Assert.Equal(2, exit);
        Assert.Contains("error S3D075: ", stderr, StringComparison.Ordinal);
        Assert.Contains("there is no target 'prod': the known targets are production, staging.", stderr, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"S3D075\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_lists_the_target_option()
    {
        var help = (await Run("deploy", "--help")).Out;

        Assert.Contains("--target <NAME>", help, StringComparison.Ordinal);
    }
}
