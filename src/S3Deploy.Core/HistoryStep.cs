using Amazon.S3;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;

using S3Deploy.Core.Releases;

namespace S3Deploy.Core;

/// <summary>Plans a deploy's history: reads what is kept, then decides what to keep, record and prune.</summary>
internal static class HistoryStep
{
    public static async Task<HistoryPlan> PlanAsync(IAmazonS3 s3, DeployOptions options, DeployPlan plan, Action<Diagnostic> warn, DateTimeOffset now, CancellationToken ct, string? rolledBackTo = null)
    {
        // A deploy that changes nothing records no release, so it needs the ids (from the listing) but no record: no GET.
        var records = plan.Actions.Count == 0 ? 0 : options.KeepReleases - 1;
        var history = options.KeepReleases <= 0
            ? ReleaseHistory.Empty
            : await new HistoryReader(s3, options.Target).ReadAsync(plan.Before, records, warn, ct);
        // A run killed after its manifest and before its record left the release unrecorded (its manifest names a release
        // newer than every record): record it now, under that id, even if nothing is left to change.
        var unrecorded = plan.Before.Manifest.Release is { } named && history.Ids.All(i => string.CompareOrdinal(i, named) < 0) ? named : null;
        var id = unrecorded ?? ReleaseIds.Next(now, history.Ids);
        var hashes = plan.Desired.Select(d => d.ContentId);
        var planned = HistoryPlanner.Plan(plan.Actions, hashes, plan.Before, history, options.KeepReleases, id, unrecorded is not null);
        if (planned.WritesRelease && await BucketVersioning.IsEnabledAsync(s3, options.Target, ct))
        {
            var versions = await VersionCarry.KnownAsync(s3, options.Target, plan, history, options.KeepReleases, ct);
            planned = HistoryPlanner.Plan(plan.Actions, hashes, plan.Before, history, options.KeepReleases, id, unrecorded is not null, versioned: true) with { Versions = versions };
        }

        return planned with { Revision = Revision(Environment.GetEnvironmentVariable), Message = options.ReleaseMessage, RolledBackTo = rolledBackTo };
    }

    /// <summary>The commit the CI built: GitHub Actions' GITHUB_SHA, Azure Pipelines' BUILD_SOURCEVERSION.</summary>
    internal static string? Revision(Func<string, string?> environment) =>
        environment("GITHUB_SHA") is { Length: > 0 } sha ? sha : environment("BUILD_SOURCEVERSION") is { Length: > 0 } v ? v : null;
}
