using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Reporting;
using S3Deploy.Core.Text;
using S3Deploy.Core;

namespace S3Deploy.Cli.Output;

/// <summary>One line per event: what a CI log or a redirected terminal should hold.</summary>
/// <param name="dryRun">A dry run's summary gives the counts, so the plan line would say them twice.</param>
internal sealed class PlainObserver(TextWriter log, bool quiet, bool dryRun = false) : IDeployObserver
{
    private readonly Lock gate = new();

    public void Info(string message) => Write(message);

    public void Warning(Diagnostic warning) => Write($"warning {warning.Code}: {warning.Message}", always: true);

    public void Planned(DeployPlan plan)
    {
        if (plan.Actions.Count > 0 && !dryRun)
        {
            Write(SummaryLine.Plan(plan));
        }
    }

    public void PhaseStarted(Phase phase, int actions, long bytes) => Write($"{PhaseTitles.Name(phase)}: {Plural.Of(actions, "object")}");

    public void ActionCompleted(PlannedAction action) => Write("  " + PhaseTitles.ActionLine(action));

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
