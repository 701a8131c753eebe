using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

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
    private const int CleanupMilliseconds = 40_000;
    private const int Sigterm = 15;

    private static bool Supported => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    public static ProcessStartInfo Announce(ProcessStartInfo start)
    {
        if (Supported)
        {
            start.EnvironmentVariables[Variable] = "1";
        }

        return start;
    }

    /// <summary>SIGTERM, then <paramref name="forceKill"/> if the cleanup does not end in time; at once where no signal can be sent.</summary>
    public static void Stop(Process? process, Action forceKill)
    {
        try
        {
            if (process is null || !Supported || process.HasExited || kill(process.Id, Sigterm) != 0)
            {
                forceKill();
                return;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            forceKill();
            return;
        }

        Task.Run(() =>
        {
            try
            {
                if (!process.WaitForExit(CleanupMilliseconds))
                {
                    forceKill();
                }
            }
            catch (InvalidOperationException)
            {
                // It had ended and was released: nothing left to kill.
            }
        });
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // The C library's name.
    private static extern int kill(int pid, int signal);
#pragma warning restore SA1300, IDE1006
}
