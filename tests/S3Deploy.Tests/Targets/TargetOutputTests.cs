using System.Text.Json;
using S3Deploy.Cli.Output;
using S3Deploy.Core;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Reporting;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests.Targets;

/// <summary>The summary line, the CI summary page and --json name the target a deploy went to.</summary>
public sealed class TargetOutputTests
{
    private static readonly S3Target Target = S3Target.Parse("s3://my-bucket/site");

    private static DeployResult Deployed() => DeployResult.FromPlan(Plan([Desired("index.html", "<h1>new</h1>")], EmptyBucket()), dryRun: false, TimeSpan.Zero, []);

    [Fact]
    public void The_summary_line_names_the_target_after_the_bucket()
    {
        var line = SummaryLine.Result(Deployed(), "./dist", Target, "staging");

        Assert.StartsWith("Deployed ./dist -> s3://my-bucket/site (target staging): upload 1,", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_page_names_the_target()
    {
        var markdown = SummaryMarkdown.Build(Deployed(), "./dist", Target, name: "production");

        Assert.Contains("./dist → s3://my-bucket/site (target production)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_target_name_only_when_there_is_one()
    {
        using var named = JsonDocument.Parse(DeployResultJson.Write(Deployed(), targetName: "staging"));
        using var plain = JsonDocument.Parse(DeployResultJson.Write(Deployed()));

        Assert.Equal("staging", named.RootElement.GetProperty("targetName").GetString());
        Assert.False(plain.RootElement.TryGetProperty("targetName", out _));
    }
}
