using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Planning;

/// <summary>Everything a deploy will do, decided before anything changes; a plain value to print, serialize and test.</summary>
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

    public int Count(ActionKind kind) => Actions.Count(a => a.Kind == kind);

    public int Unchanged => Desired.Count - Actions.Count(a => a.Kind != ActionKind.Delete);

    public long BytesToSend => Actions.Sum(a => a.BytesToSend);

    public IEnumerable<PlannedAction> InPhase(Phase phase) => Actions.Where(a => a.Phase == phase);
}
