using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Cli.Output;

/// <summary>What differs between CI systems: the syntax of their log commands and where a step leaves its outputs and summary.</summary>
internal abstract class CiDialect
{
    public abstract string EndGroup { get; }

    public abstract string Group(string title);

    public abstract string Warning(Diagnostic warning);

    public abstract string Error(string code, string message);

    /// <summary>Sets the step's outputs (the names action.yml and task.json declare) and shows the Markdown summary on the run's page.</summary>
    public abstract void Publish(DeployResult result, string markdown, Action<string> log);
}
