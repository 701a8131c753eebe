using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Reporting;
using S3Deploy.Core.Text;
using S3Deploy.Core;
using Spectre.Console;

namespace S3Deploy.Cli.Output;

/// <summary>
/// A live progress bar per phase for a person at a terminal: objects and bytes done, moving while a large file's parts go
/// up. Lines that arrive while the bars are live are held and printed after them (Spectre would put them above the bars,
/// ahead of the phase they belong to), followed by the list of what changed.
/// </summary>
internal sealed class TerminalProgress(ProgressContext context) : IDeployObserver
{
    public const int MaxListed = 50;

    private readonly Dictionary<Phase, PhaseBar> bars = [];
    private readonly Dictionary<PlannedAction, long> sent = [];
    private readonly List<string> held = [];
    private readonly Lock gate = new();

    public static async Task<DeployResult> RunAsync(Func<IDeployObserver, Task<DeployResult>> deploy)
    {
        TerminalProgress? observer = null;
        var progress = AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn());
        try
        {
            var result = await progress.StartAsync(ctx => deploy(observer = new TerminalProgress(ctx)));
            observer?.WriteHeld();
            if (!result.DryRun)
            {
                WriteChanges(result.Actions);
            }

            return result;
        }
        catch
        {
            observer?.WriteHeld();
            throw;
        }
    }

    public void Info(string message) => Show($"[grey]{Markup.Escape(message)}[/]");

    public void Warning(Diagnostic warning) => Show($"[yellow]warning[/] {Markup.Escape(warning.ToString())}");

    public void PhaseStarted(Phase phase, int actions, long bytes)
    {
        lock (gate)
        {
            bars[phase] = new PhaseBar(phase, actions, bytes, context.AddTask(PhaseBar.Describe(phase, 0, actions, 0, bytes), maxValue: Math.Max(1, bytes > 0 ? bytes : actions)));
        }
    }

    public void BytesSent(PlannedAction action, long bytes)
    {
        lock (gate)
        {
            if (bars.TryGetValue(action.Phase, out var bar) && bar.ByBytes)
            {
                var before = sent.GetValueOrDefault(action);
                var after = Math.Min(action.BytesToSend, before + bytes);
                sent[action] = after;
                bar.Add(0, after - before);
            }
        }
    }

    public void ActionCompleted(PlannedAction action)
    {
        lock (gate)
        {
            if (bars.TryGetValue(action.Phase, out var bar))
            {
                var rest = bar.ByBytes ? action.BytesToSend - sent.GetValueOrDefault(action) : 0;
                sent.Remove(action);
                bar.Add(1, rest);
            }
        }
    }

    /// <summary>A phase's bar as it stands: for tests, which cannot see the terminal.</summary>
    internal (double Value, double Max, string Description) BarOf(Phase phase)
    {
        lock (gate)
        {
            return bars[phase].State;
        }
    }

    private static void WriteChanges(IReadOnlyList<PlannedAction> actions)
    {
        foreach (var action in actions.Take(MaxListed))
        {
            AnsiConsole.MarkupLine("  " + Markup.Escape(PhaseTitles.ActionLine(action)));
        }

        if (actions.Count > MaxListed)
        {
            AnsiConsole.MarkupLine($"  [grey]…and {Markup.Escape(Plural.Of(actions.Count - MaxListed, "more change"))} (--json lists them all)[/]");
        }
    }

    private void Show(string markup)
    {
        lock (gate)
        {
            if (bars.Count == 0)
            {
                AnsiConsole.MarkupLine(markup);
            }
            else
            {
                held.Add(markup);
            }
        }
    }

    private void WriteHeld()
    {
        lock (gate)
        {
            held.ForEach(AnsiConsole.MarkupLine);
            held.Clear();
        }
    }

    /// <summary>One phase's bar: by bytes when the phase sends any, else by objects; the description counts both.</summary>
    private sealed class PhaseBar(Phase phase, int actions, long bytes, ProgressTask task)
    {
        private int done;
        private long bytesDone;

        public bool ByBytes => bytes > 0;

        public (double Value, double Max, string Description) State => (task.Value, task.MaxValue, task.Description);

        public void Add(int completed, long bytesSent)
        {
            done += completed;
            bytesDone += bytesSent;
            task.Value = ByBytes ? bytesDone : done;
            task.Description = Describe(phase, done, actions, bytesDone, bytes);
        }

        public static string Describe(Phase phase, int done, int actions, long bytesDone, long bytes)
        {
            var text = $"{PhaseTitles.Name(phase)} {done}/{Plural.Of(actions, "object")}";
            return Markup.Escape(bytes > 0 ? $"{text}, {Bytes.Format(bytesDone)} of {Bytes.Format(bytes)}" : text);
        }
    }
}
