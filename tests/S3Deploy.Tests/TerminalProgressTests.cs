using S3Deploy.Cli.Output;
using S3Deploy.Core;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Scanning;
using Spectre.Console;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>The live display for a person at a terminal, rendered into a string instead.</summary>
public sealed class TerminalProgressTests : IDisposable
{
    private const long MiB = 1024 * 1024;

    private readonly IAnsiConsole original = AnsiConsole.Console;
    private readonly StringWriter screen = new();

    public TerminalProgressTests()
    {
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });
    }

    public void Dispose()
    {
        AnsiConsole.Console = original;
        screen.Dispose();
    }

    private static PlannedAction Upload(string key, long size) =>
        new(key, ActionKind.Upload, ActionReason.New, Phase.Assets, new DesiredObject(new LocalFile(key, "/nowhere/" + key, size, Md5Of(key)), CssHeaders, IsEntryDocument: false));

    [Fact]
    public async Task A_large_file_moves_the_bar_while_its_parts_go_up_and_the_bar_counts_objects_and_bytes()
    {
        var big = Upload("big.bin", 100 * MiB);
        var small = Upload("small.css", 1 * MiB);
        (double Value, double Max, string Description) halfway = default, done = default;

        await TerminalProgress.RunAsync(observer =>
        {
            var terminal = (TerminalProgress)observer;
            observer.PhaseStarted(Phase.Assets, 2, 101 * MiB);
            observer.BytesSent(big, 50 * MiB);
            halfway = terminal.BarOf(Phase.Assets);
            observer.BytesSent(big, 60 * MiB);
            observer.ActionCompleted(big);
            observer.ActionCompleted(small);
            done = terminal.BarOf(Phase.Assets);
            return Task.FromResult(DeployResult.FromPlan(Plan([], EmptyBucket()), dryRun: false, TimeSpan.Zero, []));
        });

        Assert.Equal(50 * MiB, halfway.Value);
        Assert.Equal("Uploading assets 0/2 objects, 50 MiB of 101 MiB", halfway.Description);
        Assert.Equal(101 * MiB, done.Value);
        Assert.Equal(done.Max, done.Value);
        Assert.Equal("Uploading assets 2/2 objects, 101 MiB of 101 MiB", done.Description);
    }

    [Fact]
    public async Task Lines_during_the_bars_come_after_them_and_the_changes_stay_listed()
    {
        var upload = Upload("app.css", 10);
        var plan = Plan([Desired("app.css", "0123456789")], EmptyBucket());

        await TerminalProgress.RunAsync(observer =>
        {
            observer.Info("Scanned 1 file");
            observer.PhaseStarted(Phase.Assets, 1, 10);
            observer.ActionCompleted(upload);
            observer.Info("Configured website hosting");
            return Task.FromResult(DeployResult.FromPlan(plan, dryRun: false, TimeSpan.Zero, []));
        });

        var text = screen.ToString();
        var scanned = text.IndexOf("Scanned 1 file", StringComparison.Ordinal);
        var bar = text.LastIndexOf("Uploading assets", StringComparison.Ordinal);
        var website = text.IndexOf("Configured website hosting", StringComparison.Ordinal);
        var change = text.IndexOf("upload (new)             app.css", StringComparison.Ordinal);
        Assert.True(scanned >= 0 && scanned < bar, text);
        Assert.True(bar < website, text);
        Assert.True(website < change, text);
    }
}
