using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;

namespace S3Deploy.Core;

/// <summary>
/// The plan, and what of it landed: the actions that completed, the invalidations made, the deletes held back. A dry
/// run's result is its plan (the planned invalidations have no id and status "Planned").
/// </summary>
public sealed record DeployResult(DeployPlan Plan, bool DryRun, TimeSpan Duration, IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>The actions that completed, in plan order; for a dry run, every planned one.</summary>
    public IReadOnlyList<PlannedAction> Actions { get; init; } = Plan.Actions;

    public IReadOnlyList<InvalidationResult> Invalidations { get; init; } = [];

    /// <summary>Planned deletes not made because an invalidation did not complete; the next deploy makes them.</summary>
    public int HeldDeletes { get; init; }

    public int Uploaded => Count(ActionKind.Upload);

    public int HeadersUpdated => Count(ActionKind.UpdateHeaders);

    public int Deleted => Count(ActionKind.Delete);

    public int Unchanged => Plan.Unchanged;

    public long BytesUploaded => Actions.Sum(a => a.BytesToSend);

    /// <summary>Stale objects left in place for now (--keep-stale, or deletes held back until an invalidation completes).</summary>
    public int KeptStale => Plan.KeptStale.Count + HeldDeletes;

    public string? WebsiteUrl => Plan.Website?.Url;

    /// <summary>Where a preview is served (its website endpoint), or null for a deploy of the target itself.</summary>
    public string? PreviewUrl { get; init; }

    public bool ChangedNothing => Actions.Count == 0 && !Plan.ChangesSettings;

    /// <summary>A dry run: the plan, nothing more.</summary>
    public static DeployResult Planned(DeployPlan plan, TimeSpan duration, IReadOnlyList<Diagnostic> warnings) => new(plan, DryRun: true, duration, warnings)
    {
        Invalidations = [.. plan.Invalidations.Select(i => new InvalidationResult(i.DistributionId, null, i.Paths, InvalidationResult.PlannedStatus))],
    };

    private int Count(ActionKind kind) => Actions.Count(a => a.Kind == kind);
}
