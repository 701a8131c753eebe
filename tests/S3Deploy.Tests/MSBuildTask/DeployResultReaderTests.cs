using S3Deploy.Cli.Output;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Reporting;
using S3Deploy.MSBuild;
using static S3Deploy.Tests.TestData;
using CoreResult = S3Deploy.Core.DeployResult;

namespace S3Deploy.Tests.MSBuildTask;

/// <summary>The MSBuild task reads the CLI's --json line; these feed it what the CLI's own writer prints.</summary>
public sealed class DeployResultReaderTests
{
    [Fact]
    public void A_success_gives_the_counts_the_summary_line_and_the_actions()
    {
        var state = State([Remote("old.js", "x"), Remote("same.css", "s")], [("same.css", EntryFor(Desired("same.css", "s"), Remote("same.css", "s")))]);
        var plan = Plan([Desired("index.html", "<p/>"), Desired("same.css", "s")], state);
        var deployed = CoreResult.FromPlan(plan, dryRun: false, TimeSpan.FromSeconds(2), []);

        var result = DeployResultReader.Read(DeployResultJson.Write(deployed, "Deployed ./dist -> s3://b: upload 1, update headers 0, delete 1, unchanged 1, 4 B sent in 2.0s."));

        Assert.NotNull(result);
        Assert.Equal("Deployed ./dist -> s3://b: upload 1, update headers 0, delete 1, unchanged 1, 4 B sent in 2.0s.", result.Summary);
        Assert.Equal((1, 0, 1, 1, 4L), (result.Uploaded, result.HeadersUpdated, result.Deleted, result.Unchanged, result.BytesUploaded));
        Assert.False(result.DryRun);
        Assert.Null(result.Error);
        Assert.Empty(result.Warnings);
        Assert.Equal(plan.Actions.Select(PhaseTitles.ActionLine), result.Actions.Select(a => a.ToString()));
    }

    [Fact]
    public void A_redirect_action_reads_as_the_CLI_prints_it()
    {
        var redirect = new Core.Planning.DesiredObject(File("old.html", ""), HtmlHeaders with { RedirectLocation = "/new/" }, IsEntryDocument: true);
        var plan = Plan([redirect], EmptyBucket());

        var result = DeployResultReader.Read(DeployResultJson.Write(CoreResult.FromPlan(plan, dryRun: true, TimeSpan.Zero, [])));

        Assert.True(result!.DryRun);
        Assert.Equal(PhaseTitles.ActionLine(plan.Actions.Single()), Assert.Single(result.Actions).ToString());
    }

    [Fact]
    public void A_failure_gives_the_error_and_the_warnings_with_their_codes()
    {
        Diagnostic[] warnings = [Diagnostic.Warning("S3D110", "The invalidation did not complete in 5m."), Diagnostic.Warning("S3D101", "Skipped '.s3deploy'.")];

        var result = DeployResultReader.Read(DeployResultJson.WriteFailure("S3D010", "Bucket 'b' does not exist.", 1, dryRun: false, known: null, warnings));

        Assert.NotNull(result);
        Assert.Equal(("S3D010", "Bucket 'b' does not exist."), (result.Error?.Code, result.Error?.Message));
        Assert.Equal(["S3D110 The invalidation did not complete in 5m.", "S3D101 Skipped '.s3deploy'."], result.Warnings.Select(w => $"{w.Code} {w.Message}"));
        Assert.Null(result.Summary);
        Assert.Empty(result.Actions);
    }

    [Fact]
    public void Missing_fields_read_as_zero_null_and_empty()
    {
        var result = DeployResultReader.Read("{}");

        Assert.NotNull(result);
        Assert.Equal((0, 0L, null, null, null), (result.Uploaded, result.BytesUploaded, result.Summary, result.WebsiteUrl, result.Error));
        Assert.Empty(result.Actions);
        Assert.Empty(result.Invalidations);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Invalidations_keep_their_ids_and_a_dry_runs_has_none()
    {
        const string Json = """
            {"invalidations":[{"distributionId":"E1","id":"I2","status":"Completed","paths":["/*"]},{"distributionId":"E3","id":null,"status":null}]}
            """;

        var result = DeployResultReader.Read(Json);

        Assert.Equal(["CloudFront E1: invalidation I2 (Completed): /*", "CloudFront E3: would invalidate "], result!.Invalidations.Select(i => i.ToString()));
        Assert.Equal(["I2", null], result.Invalidations.Select(i => i.Id));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"uploaded\":\"many\"}")]
    [InlineData("{\"warnings\":\"S3D101: Skipped\"}")]
    [InlineData("null")]
    [InlineData("{")]
    public void Garbage_reads_as_no_result(string line)
    {
        Assert.Null(DeployResultReader.Read(line));
    }
}
