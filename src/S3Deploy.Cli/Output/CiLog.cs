using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Reporting;

namespace S3Deploy.Cli.Output;

/// <summary>
/// The deploy as a CI step (GitHub Actions or Azure Pipelines, by <paramref name="dialect"/>): a group per phase, warnings
/// and errors as annotations with their S3D code, the step's outputs, and a Markdown summary on the run's page.
/// </summary>
internal sealed class CiLog(CiDialect dialect) : IDeployObserver
{
    private readonly Lock gate = new();
    private TextWriter log = Console.Out;
    private bool inGroup;

    /// <summary>GitHub's dialect under GITHUB_ACTIONS=true (and always for the action's entrypoint), Azure's under TF_BUILD=True.</summary>
    public static CiLog? Detect(Func<string, string?> environment, bool action = false) =>
        action || GitHubDialect.IsActive(environment) ? new(GitHubDialect.From(environment))
        : AzureDialect.IsActive(environment) ? new(AzureDialect.From(environment))
        : null;

    /// <summary>Where the commands go: stdout, or stderr when stdout carries --json (the runner and the agent read both).</summary>
    public void WriteTo(TextWriter writer) => log = writer;

    public void Info(string message) => Write(message);

    public void Warning(Diagnostic warning) => Write(dialect.Warning(warning));

    public void Planned(DeployPlan plan) => Write(SummaryLine.Plan(plan));

    public void PhaseStarted(Phase phase, int actions, long bytes)
    {
        lock (gate)
        {
            EndGroup();
            log.WriteLine(dialect.Group(PhaseTitles.Of(phase, actions)));
            inGroup = true;
        }
    }

    public void ActionCompleted(PlannedAction action) => Write("  " + PhaseTitles.ActionLine(action));

    public void Finished(DeployOptions options, DeployResult result) =>
        dialect.Publish(result, SummaryMarkdown.Build(result, options.Source, options.Target, name: options.TargetName), Write);

    public void Failed(string code, string message)
    {
        EndGroup();
        Write(dialect.Error(code, message));
    }

    public void EndGroup()
    {
        lock (gate)
        {
            if (inGroup)
            {
                log.WriteLine(dialect.EndGroup);
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
