using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;

namespace S3Deploy.Core;

/// <summary>What a deploy did, or in a dry run would do.</summary>
public sealed record DeployResult(
    bool DryRun,
    int Uploaded,
    int HeadersUpdated,
    int Deleted,
    int Unchanged,
    long BytesUploaded,
    TimeSpan Duration,
    IReadOnlyList<PlannedAction> Actions,
    IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>Stale objects left in place for now (--keep-stale, or deletes held back until an invalidation completes).</summary>
    public int KeptStale { get; init; }

    public string? WebsiteUrl { get; init; }

    public IReadOnlyList<InvalidationResult> Invalidations { get; init; } = [];

    public static DeployResult FromPlan(DeployPlan plan, bool dryRun, TimeSpan duration, IReadOnlyList<Diagnostic> warnings) =>
        new(dryRun, plan.Count(ActionKind.Upload), plan.Count(ActionKind.UpdateHeaders), plan.Count(ActionKind.Delete), plan.Unchanged, plan.BytesToSend, duration, plan.Actions, warnings)
        {
            KeptStale = plan.KeptStale.Count,
        };

    public bool ChangedNothing => Actions.Count == 0;
}
