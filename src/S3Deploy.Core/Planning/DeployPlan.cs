using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Website;

namespace S3Deploy.Core.Planning;

/// <summary>
/// Everything a deploy will do, decided before anything changes: the object actions, the website configuration, the
/// public access change and the invalidations. A plain value to print, serialize and test; a dry run is just this.
/// </summary>
public sealed record DeployPlan(
    IReadOnlyList<DesiredObject> Desired,
    IReadOnlyList<PlannedAction> Actions,
    BucketState Before)
{
    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoStale = new Dictionary<string, DateTimeOffset>();

    /// <summary>Every stale object, deleted now or kept, with when it first became stale.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> StaleSince { get; init; } = NoStale;

    /// <summary>Stale objects kept for now because they became stale less than --keep-stale ago.</summary>
    public IReadOnlyList<string> KeptStale { get; init; } = [];

    /// <summary>Website hosting (current → wanted, and the URL); null when hosting is not asked for.</summary>
    public WebsiteChange? Website { get; init; }

    /// <summary>Public access block and bucket policy changes; null without --public.</summary>
    public AccessChange? Access { get; init; }

    /// <summary>Per distribution, the paths to invalidate once the pages are up.</summary>
    public IReadOnlyList<PlannedInvalidation> Invalidations { get; init; } = [];

    /// <summary>Per distribution, what CloudFront hosting changes (function, config); empty without --cloudfront-hosting.</summary>
    public IReadOnlyList<Edge.HostingChange> Hosting { get; init; } = [];

    /// <summary>Old bytes kept, the release recorded, and history pruned; <see cref="HistoryPlan.Off"/> with --keep-releases 0.</summary>
    public HistoryPlan History { get; init; } = HistoryPlan.Off;

    /// <summary>Whether a bucket-level setting (website configuration, public access block, policy) changes.</summary>
    public bool ChangesSettings => Website?.Changes == true || Access?.Changes == true;

    public int Count(ActionKind kind) => Actions.Count(a => a.Kind == kind);

    public int Unchanged => Desired.Count - Actions.Count(a => a.Kind != ActionKind.Delete);

    public long BytesToSend => Actions.Sum(a => a.BytesToSend);

    public IEnumerable<PlannedAction> InPhase(Phase phase) => Actions.Where(a => a.Phase == phase);
}
