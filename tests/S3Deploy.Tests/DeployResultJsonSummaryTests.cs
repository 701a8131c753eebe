using System.Text.Json;
using S3Deploy.Cli.Output;
using S3Deploy.Core;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>--json's "summary": the CLI's one-line summary, which the MSBuild task logs as is; a failure has none.</summary>
public sealed class DeployResultJsonSummaryTests
{
    [Fact]
    public void A_result_carries_the_summary_line_it_is_given()
    {
        var result = DeployResult.FromPlan(Plan([Desired("a.css", "a")], EmptyBucket()), dryRun: false, TimeSpan.Zero, []);

        using var doc = JsonDocument.Parse(DeployResultJson.Write(result, "Deployed ./dist -> s3://b: upload 1, update headers 0, delete 0, unchanged 0, 1 B sent in 0.0s."));

        Assert.Equal("Deployed ./dist -> s3://b: upload 1, update headers 0, delete 0, unchanged 0, 1 B sent in 0.0s.", doc.RootElement.GetProperty("summary").GetString());
    }

    [Fact]
    public void A_failure_has_no_summary()
    {
        using var doc = JsonDocument.Parse(DeployResultJson.WriteFailure("S3D010", "Bucket 'b' does not exist.", 1, dryRun: false, known: null, warnings: []));

        Assert.False(doc.RootElement.TryGetProperty("summary", out _));
    }
}
