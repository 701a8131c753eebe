using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Planning;

namespace S3Deploy.Cli.Output;

/// <summary>One line per event: what a CI log or a redirected terminal should hold.</summary>
internal sealed class PlainObserver(TextWriter log, bool quiet) : IDeployObserver
{
    private readonly Lock gate = new();

    public void Info(string message) => Write(message);

    public void Warning(string message) => Write("warning " + message, always: true);

    public void Planned(DeployPlan plan)
    {
        if (plan.Actions.Count > 0)
        {
            Write($"Plan: {Summary.Counts(plan.Count(ActionKind.Upload), plan.Count(ActionKind.UpdateHeaders), plan.Count(ActionKind.Delete), plan.Unchanged)}, {Bytes.Format(plan.BytesToSend)} to send");
        }
    }

    public void PhaseStarted(Phase phase, int actions, long bytes) => Write($"{Summary.PhaseName(phase)}: {actions} {(actions == 1 ? "object" : "objects")}");

    public void ActionCompleted(PlannedAction action) => Write("  " + Summary.ActionLine(action));

    private void Write(string line, bool always = false)
    {
        if (quiet && !always)
        {
            return;
        }

        lock (gate)
        {
            log.WriteLine(line);
        }
    }
}
