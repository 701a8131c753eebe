using S3Deploy.Cli.Output;
using S3Deploy.Core;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Reporting;
using S3Deploy.Core.Text;
using S3Deploy.Core.Website;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>What plan and --dry-run print: what WOULD change, the counts once, a redirect as a redirect, plurals in English.</summary>
public sealed class SummaryWordingTests
{
    private static readonly S3Target Target = S3Target.Parse("s3://my-bucket/site");

    [Fact]
    public void Dry_run_with_changes_says_what_a_deploy_would_change()
    {
        var same = Desired("same.css", "same");
        var plan = Plan([Desired("index.html", "<h1>new</h1>"), same], State([Remote("same.css", "same"), Remote("old.js", "x")], [("same.css", EntryFor(same, Remote("same.css", "same")))]));
        var result = DeployResult.FromPlan(plan, dryRun: true, TimeSpan.Zero, []);

        var line = SummaryLine.Result(result, "./dist", Target);

        Assert.Contains("would upload 1, update headers 0, delete 1, unchanged 1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("(nothing changed)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Dry_run_without_changes_says_a_deploy_would_change_nothing()
    {
        var same = Desired("same.css", "same");
        var plan = Plan([same], State([Remote("same.css", "same")], [("same.css", EntryFor(same, Remote("same.css", "same")))]));
        var result = DeployResult.FromPlan(plan, dryRun: true, TimeSpan.Zero, []);

        var line = SummaryLine.Result(result, "./dist", Target);

        Assert.Equal("Plan: s3://my-bucket/site already matches ./dist (1 unchanged); a deploy would change nothing.", line);
    }

    [Fact]
    public void A_rollback_names_the_release_it_returns_to_as_its_source()
    {
        var plan = Plan([Desired("index.html", "<h1>old</h1>")], EmptyBucket());
        plan = plan with { History = plan.History with { RolledBackTo = "20261130-101500-000" } };
        var result = DeployResult.FromPlan(plan, dryRun: false, TimeSpan.Zero, []);

        var line = SummaryLine.Result(result, ".", Target);
        var markdown = SummaryMarkdown.Build(result, ".", Target);

        Assert.StartsWith("Deployed release 20261130-101500-000 -> s3://my-bucket/site:", line, StringComparison.Ordinal);
        Assert.Contains("release 20261130-101500-000 → s3://my-bucket/site", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Dry_run_prints_the_counts_once_in_its_summary_not_also_as_a_plan_line()
    {
        var plan = Plan([Desired("index.html", "<h1>new</h1>")], EmptyBucket());
        using var dryRunLog = new StringWriter();
        using var deployLog = new StringWriter();

        new PlainObserver(dryRunLog, quiet: false, dryRun: true).Planned(plan);
        new PlainObserver(deployLog, quiet: false, dryRun: false).Planned(plan);

        Assert.Equal("", dryRunLog.ToString());
        Assert.StartsWith("Plan: upload 1,", deployLog.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_redirect_is_shown_as_a_redirect_with_its_location()
    {
        var redirect = new DesiredObject(File("docs/start.html", ""), HtmlHeaders with { RedirectLocation = "/docs/getting-started/" }, IsEntryDocument: true);
        var plan = Plan([redirect], EmptyBucket());

        var line = PhaseTitles.ActionLine(Assert.Single(plan.Actions));

        Assert.Equal("redirect (new)           docs/start.html → /docs/getting-started/", line);
    }

    [Fact]
    public void A_file_is_shown_as_an_upload()
    {
        var plan = Plan([Desired("app.css", "x")], EmptyBucket());

        Assert.Equal("upload (new)             app.css", PhaseTitles.ActionLine(Assert.Single(plan.Actions)));
    }

    [Theory]
    [InlineData(0, "0 files")]
    [InlineData(1, "1 file")]
    [InlineData(2, "2 files")]
    public void Counts_read_as_english(int count, string expected)
    {
        Assert.Equal(expected, Plural.Of(count, "file"));
    }

    [Fact]
    public void One_stale_object_is_singular_in_the_markdown_summary()
    {
        var result = DeployResult.FromPlan(Plan([], EmptyBucket()), dryRun: false, TimeSpan.Zero, []) with { HeldDeletes = 1 };

        var markdown = SummaryMarkdown.Build(result, "dist", Target);

        Assert.Contains("Kept 1 stale object for now", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_prints_its_website_and_access_changes_under_the_object_lines()
    {
        var block = new BlockChange(new AccessBlockFlags(true, true, true, true), new AccessBlockFlags(true, true, false, false));
        var plan = Plan([Desired("index.html", "home")], EmptyBucket()) with
        {
            Website = new WebsiteChange(WebsiteChangeKind.Update, new WebsiteSettings { Error = "404.html" }, "http://x/"),
            Access = new AccessChange(block, new PolicyChange(PolicyChangeKind.Add, ["S3DeployPublicRead", "S3DeployHideManifest"], 0)),
        };
        using var log = new StringWriter();

        Summary.Write(log, new DeployOptions { Source = "./dist", Target = Target }, DeployResult.FromPlan(plan, dryRun: true, TimeSpan.Zero, []));

        var lines = log.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("  website (update)  index index.html, error document 404.html, 0 routing rules", lines);
        Assert.Contains(lines, l => l.StartsWith("  public access block (update)  BlockPublicPolicy and RestrictPublicBuckets off", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  bucket policy (add)  S3DeployPublicRead, S3DeployHideManifest: anyone may read s3://my-bucket/site/*", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Would", StringComparison.Ordinal));
    }
}
