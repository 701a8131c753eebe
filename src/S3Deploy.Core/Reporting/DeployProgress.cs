using System.Collections.Concurrent;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;

namespace S3Deploy.Core.Reporting;

/// <summary>
/// Passes every event on, and remembers the plan, what completed and the warnings, so a failed deploy can still say
/// what it had done (the counts of a --json failure).
/// </summary>
internal sealed class DeployProgress(IDeployObserver inner) : IDeployObserver
{
    private readonly ConcurrentQueue<PlannedAction> completed = new();
    private readonly ConcurrentQueue<Diagnostic> warnings = new();
    private DeployPlan? plan;

    public IReadOnlyList<Diagnostic> Warnings => [.. warnings];

    public void Info(string message) => inner.Info(message);

    public void Warning(Diagnostic warning)
    {
        warnings.Enqueue(warning);
        inner.Warning(warning);
    }

    public void Planned(DeployPlan plan)
    {
        this.plan = plan;
        inner.Planned(plan);
    }

    public void PhaseStarted(Phase phase, int actions, long bytes) => inner.PhaseStarted(phase, actions, bytes);

    public void ActionCompleted(PlannedAction action)
    {
        completed.Enqueue(action);
        inner.ActionCompleted(action);
    }

    public void BytesSent(PlannedAction action, long bytes) => inner.BytesSent(action, bytes);

    /// <summary>What is known so far: a dry run's plan, or the changes that completed; null before the plan.</summary>
    public DeployResult? SoFar(bool dryRun, TimeSpan duration)
    {
        if (plan is null)
        {
            return null;
        }

        if (dryRun)
        {
            return DeployResult.Planned(plan, duration, Warnings);
        }

        var done = completed.ToHashSet();
        return new DeployResult(plan, DryRun: false, duration, Warnings) { Actions = [.. plan.Actions.Where(done.Contains)] };
    }
}
