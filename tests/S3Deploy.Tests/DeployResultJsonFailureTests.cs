using System.Text.Json;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Cli.Output;
using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Reporting;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>--json on failure: the same one object, with "error", "exitCode" and the counts that were known.</summary>
public sealed class DeployResultJsonFailureTests
{
    [Fact]
    public void Success_says_exit_code_0_and_no_error()
    {
        var result = DeployResult.FromPlan(Plan([], EmptyBucket()), dryRun: false, TimeSpan.Zero, []);

        using var doc = JsonDocument.Parse(DeployResultJson.Write(result));

        Assert.Equal(0, doc.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("error").ValueKind);
    }

    [Fact]
    public void Failure_before_the_plan_has_the_error_and_no_counts()
    {
        using var doc = JsonDocument.Parse(DeployResultJson.WriteFailure("S3D001", "Source folder 'dist' does not exist.", 3, dryRun: false, known: null, warnings: []));
        var root = doc.RootElement;

        Assert.Equal(3, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("S3D001", root.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("Source folder 'dist' does not exist.", root.GetProperty("error").GetProperty("message").GetString());
        Assert.False(root.TryGetProperty("uploaded", out _));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public void Failure_midway_counts_what_completed()
    {
        var same = Desired("same.css", "s");
        var plan = Plan([Desired("a.css", "a"), Desired("b.css", "bb"), same], State([Remote("same.css", "s"), Remote("old.js", "x")], [("same.css", EntryFor(same, Remote("same.css", "s")))]));
        var progress = new DeployProgress(NullObserverForTests.Instance);
        progress.Planned(plan);
        progress.ActionCompleted(plan.Actions.Single(a => a.RelativeKey == "b.css"));
        progress.Warning(Diagnostic.Warning("S3D020", "a.css failed"));

        var known = progress.SoFar(dryRun: false, TimeSpan.FromSeconds(2));
        using var doc = JsonDocument.Parse(DeployResultJson.WriteFailure("S3D020", "S3 failed.", 1, dryRun: false, known, progress.Warnings));
        var root = doc.RootElement;

        Assert.Equal(1, root.GetProperty("uploaded").GetInt32());
        Assert.Equal(0, root.GetProperty("deleted").GetInt32());
        Assert.Equal(1, root.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, root.GetProperty("bytesUploaded").GetInt64());
        Assert.Equal(["b.css"], root.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("key").GetString()));
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray());
        Assert.Equal("S3D020", warning.GetProperty("code").GetString());
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Equal("a.css failed", warning.GetProperty("message").GetString());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("S3D020", root.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void A_failed_dry_run_still_reports_its_plan()
    {
        var plan = Plan([Desired("a.css", "a")], EmptyBucket());
        var progress = new DeployProgress(NullObserverForTests.Instance);
        progress.Planned(plan);

        var known = progress.SoFar(dryRun: true, TimeSpan.Zero);

        Assert.NotNull(known);
        Assert.True(known.DryRun);
        Assert.Equal(1, known.Uploaded);
    }

    [Fact]
    public void Redirect_actions_carry_their_location()
    {
        var redirect = new DesiredObject(File("old.html", ""), HtmlHeaders with { RedirectLocation = "/new/" }, IsEntryDocument: true);
        var result = DeployResult.FromPlan(Plan([redirect], EmptyBucket()), dryRun: true, TimeSpan.Zero, []);

        using var doc = JsonDocument.Parse(DeployResultJson.Write(result));

        Assert.Equal("/new/", doc.RootElement.GetProperty("actions")[0].GetProperty("redirect").GetString());
    }

    private sealed class NullObserverForTests : IDeployObserver
    {
        public static readonly NullObserverForTests Instance = new();
    }
}
