using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Reporting;

namespace S3Deploy.Action;

/// <summary>The deploy's progress as a GitHub Actions log: one collapsible group per phase, warnings as annotations.</summary>
internal sealed class GitHubObserver(TextWriter log) : IDeployObserver
{
    private readonly Lock gate = new();
    private bool inGroup;

    public void Info(string message) => Write(message);

    public void Warning(Diagnostic warning) => Write(GitHubCommands.Warning(warning));

    public void Planned(DeployPlan plan) => Write(SummaryLine.Plan(plan));

    public void PhaseStarted(Phase phase, int actions, long bytes)
    {
        lock (gate)
        {
            EndGroup();
            log.WriteLine(GitHubCommands.Group(PhaseTitles.Of(phase, actions)));
            inGroup = true;
        }
    }

    public void ActionCompleted(PlannedAction action) => Write(PhaseTitles.ActionLine(action));

    public void EndGroup()
    {
        lock (gate)
        {
            if (inGroup)
            {
                log.WriteLine(GitHubCommands.EndGroup);
                inGroup = false;
            }
        }
    }

    private void Write(string line)
    {
        lock (gate)
        {
            log.WriteLine(line);
        }
    }
}
