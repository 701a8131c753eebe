using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Reporting;
using S3Deploy.Core;

namespace S3Deploy.Cli.Output;

/// <summary>
/// The deploy as an Azure Pipelines step (TF_BUILD=True): a group per phase, warnings and errors as issues with their
/// S3D code, the action's outputs as output variables, and a Markdown summary on the run's page.
/// </summary>
internal sealed class AzurePipelinesLog(string summaryFolder) : IDeployObserver
{
    private readonly Lock gate = new();
    private TextWriter log = TextWriter.Null;
    private bool inGroup;

    public static bool IsActive() => string.Equals(Environment.GetEnvironmentVariable("TF_BUILD"), "True", StringComparison.OrdinalIgnoreCase);

    public static string DefaultSummaryFolder() => Environment.GetEnvironmentVariable("AGENT_TEMPDIRECTORY") is { Length: > 0 } temp ? temp : Path.GetTempPath();

    /// <summary>Where the commands go: stdout, or stderr when stdout carries --json (the agent reads both).</summary>
    public void WriteTo(TextWriter writer) => log = writer;

    public void Info(string message) => Write(message);

    public void Warning(Diagnostic warning) => Write(AzureCommands.Warning(warning));

    public void Planned(DeployPlan plan) =>
        Write(SummaryLine.Plan(plan));

    public void PhaseStarted(Phase phase, int actions, long bytes)
    {
        lock (gate)
        {
            EndGroup();
            log.WriteLine(AzureCommands.Group(PhaseTitles.Of(phase, actions)));
            inGroup = true;
        }
    }

    public void ActionCompleted(PlannedAction action) => Write("  " + PhaseTitles.ActionLine(action));

    public void Finished(DeployOptions options, DeployResult result)
    {
        EndGroup();
        foreach (var (name, value) in DeployOutputs.From(result, ","))
        {
            Write(AzureCommands.SetOutput(name, value));
        }

        var summary = Path.Combine(summaryFolder, $"s3deploy-summary-{Guid.NewGuid():N}.md");
        File.WriteAllText(summary, SummaryMarkdown.Build(result, options.Source, options.Target));
        Write(AzureCommands.UploadSummary(Path.GetFullPath(summary)));
    }

    public void Failed(string code, string message)
    {
        EndGroup();
        Write(AzureCommands.Error(code, message));
    }

    private void EndGroup()
    {
        lock (gate)
        {
            if (inGroup)
            {
                log.WriteLine(AzureCommands.EndGroup);
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
