using System.Runtime.InteropServices;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Cli;

/// <summary>
/// Turns SIGINT and SIGTERM (Ctrl+C, a cancelled CI job, docker stop) into a cancellation instead of a kill, so the deploy
/// aborts its open multipart uploads and records what landed before it exits. A second signal means "now": the process
/// exits 130 (cancelled) at once, after <c>stopNow</c> has had its say.
/// </summary>
/// <remarks>
/// A parent that forwards cancellation itself (the MSBuild task sends SIGTERM when the build is cancelled) sets
/// <see cref="ParentForwardsVariable"/>: then SIGINT, which a terminal's Ctrl+C sends to the whole process group and so to
/// this process as well, is left to the parent; otherwise one Ctrl+C would arrive twice and stop the deploy at once.
/// </remarks>
internal sealed class StopSignals : IDisposable
{
    public const string ParentForwardsVariable = "S3DEPLOY_PARENT_FORWARDS_CANCEL";

    private readonly CancellationTokenSource cancel = new();
    private readonly Action stopNow;
    private readonly PosixSignalRegistration[] registrations;
    private int received;

    public StopSignals(Action stopNow, bool parentForwards = false)
    {
        this.stopNow = stopNow;
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, parentForwards ? context => context.Cancel = true : Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public static bool ParentForwards(Func<string, string?> environment) => environment(ParentForwardsVariable) == "1";

    public CancellationToken Token => cancel.Token;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancel.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref received) == 1)
        {
            // Asynchronously: the callbacks (HTTP requests being torn down) must not hold up the handler of a second signal.
            _ = cancel.CancelAsync();
            return;
        }

        stopNow();
        Environment.Exit(FailureKind.Cancelled.ExitCode());
    }
}
