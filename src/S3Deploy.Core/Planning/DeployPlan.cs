using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Planning;

/// <summary>Everything a deploy will do, decided before anything changes; a plain value to print, serialize and test.</summary>
public sealed record DeployPlan(
    IReadOnlyList<DesiredObject> Desired,
    IReadOnlyList<PlannedAction> Actions,
    BucketState Before)
{
    public int Count(ActionKind kind) => Actions.Count(a => a.Kind == kind);

    public int Unchanged => Desired.Count - Actions.Count(a => a.Kind != ActionKind.Delete);

    public long BytesToSend => Actions.Sum(a => a.BytesToSend);

    public IEnumerable<PlannedAction> InPhase(Phase phase) => Actions.Where(a => a.Phase == phase);
}
