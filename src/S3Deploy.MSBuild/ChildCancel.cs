using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace S3Deploy.MSBuild;

/// <summary>
/// A cancelled build asks s3deploy to stop with SIGTERM, which it handles as a cancellation (abort open multipart uploads,
/// record what landed, exit 130), instead of ToolTask's immediate kill. It tells s3deploy so through
/// <see cref="Variable"/>, so that the SIGINT a terminal's Ctrl+C also sends it does not count as a second signal.
/// </summary>
internal static class ChildCancel
{
    /// <summary>The CLI's StopSignals.ParentForwardsVariable (the task cannot reference S3Deploy.Core).</summary>
    public const string Variable = "S3DEPLOY_PARENT_FORWARDS_CANCEL";

    /// <summary>Long enough for the CLI's own bounded cleanup: an abort (10 s) and the manifest write (15 s).</summary>
    public static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(40);

    private const int Sigterm = 15;

    public static bool Supported => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <returns>Whether the signal was sent (the process still ran, and this platform has kill).</returns>
    public static bool Signal(Process process)
    {
        try
        {
            return !process.HasExited && kill(process.Id, Sigterm) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <returns>Whether the process ended by itself; if not, the caller kills it.</returns>
    public static bool WaitForCleanup(Process process)
    {
        try
        {
            return process.WaitForExit((int)CleanupTimeout.TotalMilliseconds);
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // The C library's name.
    private static extern int kill(int pid, int signal);
#pragma warning restore SA1300, IDE1006
}
