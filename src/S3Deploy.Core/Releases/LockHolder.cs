using System.Diagnostics;
using System.Globalization;

namespace S3Deploy.Core.Releases;

/// <summary>This process as a lock holder, and whether another holder's process still runs.</summary>
internal static class LockHolder
{
    private static readonly Lazy<(string? Namespace, DateTimeOffset Started)> Self = new(() =>
    {
        using var me = Process.GetCurrentProcess();
        return (PidNamespace(), me.StartTime.ToUniversalTime());
    });

    public static DeployLock Describe(string operation, DateTimeOffset now, TimeSpan lease, Func<string, string?> environment)
    {
        var (run, attempt, holder) = environment("GITHUB_RUN_ID") is { Length: > 0 } gh
            ? ($"github:{gh}", Number(environment("GITHUB_RUN_ATTEMPT")), $"GitHub run {gh}")
            : environment("BUILD_BUILDID") is { Length: > 0 } build
                ? ($"azure:{build}", Number(environment("SYSTEM_JOBATTEMPT")), $"Azure build {build}")
                : ((string?)null, (int?)null, $"{Environment.UserName}@{Environment.MachineName}");
        var pid = Environment.ProcessId;
        var where = run is null ? $"pid {pid}" : $"{(attempt is { } a ? $"attempt {a}, " : "")}{Environment.MachineName}, pid {pid}";
        return new DeployLock($"{holder} ({where})", operation, now, now + lease)
        {
            Host = Environment.MachineName,
            PidNamespace = Self.Value.Namespace,
            Pid = pid,
            ProcessStarted = Self.Value.Started,
            Token = Guid.NewGuid().ToString("N"),
            Run = run,
            Attempt = attempt,
        };
    }

    /// <summary>When process <paramref name="pid"/> started, or null if none runs (a zombie counts as gone); MaxValue if it cannot be read.</summary>
    public static DateTimeOffset? StartOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return IsZombie(pid) ? null : process.StartTime.ToUniversalTime();
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return DateTimeOffset.MaxValue; // not ours to inspect: assume it runs
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) S ..."; comm may hold spaces and parentheses, the state follows the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat.AsSpan(stat.LastIndexOf(')') + 1).Trim().StartsWith("Z", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? PidNamespace()
    {
        try
        {
            return new FileInfo("/proc/self/ns/pid").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
