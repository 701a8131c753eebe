using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Reporting;
using Spectre.Console;

namespace S3Deploy.Cli.Output;

/// <summary>A live progress bar per phase for a person at a terminal.</summary>
internal sealed class TerminalProgress(ProgressContext context) : IDeployObserver
{
    private readonly Dictionary<Phase, ProgressTask> tasks = [];
    private readonly Lock gate = new();

    public static async Task<DeployResult> RunAsync(Func<IDeployObserver, Task<DeployResult>> deploy)
    {
        var progress = AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn());
        return await progress.StartAsync(ctx => deploy(new TerminalProgress(ctx)));
    }

    public void Info(string message) => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

    public void Warning(string message) => AnsiConsole.MarkupLine($"[yellow]warning[/] {Markup.Escape(message)}");

    public void PhaseStarted(Phase phase, int actions, long bytes)
    {
        lock (gate)
        {
            tasks[phase] = context.AddTask(PhaseTitles.Name(phase), maxValue: Math.Max(1, bytes > 0 ? bytes : actions));
        }
    }

    public void ActionCompleted(PlannedAction action)
    {
        lock (gate)
        {
            if (tasks.TryGetValue(action.Phase, out var task))
            {
                task.Increment(task.MaxValue > 1 && action.BytesToSend > 0 ? action.BytesToSend : 1);
            }
        }
    }
}
