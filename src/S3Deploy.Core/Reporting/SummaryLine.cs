using System.Globalization;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Text;

namespace S3Deploy.Core.Reporting;

/// <summary>The one-line plan and result every adapter prints.</summary>
internal static class SummaryLine
{
    public static string Counts(int uploaded, int headersUpdated, int deleted, int unchanged) =>
        $"upload {uploaded}, update headers {headersUpdated}, delete {deleted}, unchanged {unchanged}";

    public static string Plan(DeployPlan plan) =>
        $"Plan: {Counts(plan.Count(ActionKind.Upload), plan.Count(ActionKind.UpdateHeaders), plan.Count(ActionKind.Delete), plan.Unchanged)}, {Bytes.Format(plan.BytesToSend)} to send";

    /// <param name="name">The named target ("staging"), said after the bucket when there is one.</param>
    public static string Result(DeployResult result, string source, S3Target target, string? name = null)
    {
        source = SourceOf(result, source);
        var to = name is null ? target.ToString() : $"{target} (target {name})";
        var counts = Counts(result.Uploaded, result.HeadersUpdated, result.Deleted, result.Unchanged);
        var seconds = result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return result.DryRun
            ? DryRun(result, source, to)
            : result.ChangedNothing
                ? $"Up to date: {to} already matches {source} ({result.Unchanged} unchanged, nothing uploaded) in {seconds}s."
                : $"Deployed {source} -> {to}: {counts}, {Bytes.Format(result.BytesUploaded)} sent in {seconds}s.";
    }

    /// <summary>A rollback reads no folder: what it puts live is the release it returns to.</summary>
    public static string SourceOf(DeployResult result, string source) =>
        result.Plan.History.RolledBackTo is { } id ? $"release {id}" : source;

    /// <summary>Says what WOULD change: a list of changes next to "nothing changed" read as "no differences".</summary>
    private static string DryRun(DeployResult result, string source, string target) => result.ChangedNothing
        ? $"Plan: {target} already matches {source} ({result.Unchanged} unchanged); a deploy would change nothing."
        : $"Plan: a deploy of {source} -> {target} would {Counts(result.Uploaded, result.HeadersUpdated, result.Deleted, result.Unchanged)}, {Bytes.Format(result.BytesUploaded)} to send. Dry run: nothing changed in the bucket.";
}
