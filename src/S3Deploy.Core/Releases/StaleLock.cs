namespace S3Deploy.Core.Releases;

/// <summary>
/// Whether a held, unexpired lock belongs to a run that is gone, so a rerun need not wait out the lease or --break-lock:
/// its process on this host no longer runs (or its pid now runs another process); it is an earlier run in this very
/// process that did not release it; or its CI run has been retried. Anything else (another host, a live process) holds.
/// </summary>
internal static class StaleLock
{
    /// <summary>Process start times read twice can differ by rounding; a reused pid starts later than this.</summary>
    private static readonly TimeSpan SameStart = TimeSpan.FromSeconds(1);

    /// <returns>Why the holder is gone, or null if it may still run.</returns>
    public static string? Reason(DeployLock held, DeployLock self, Func<int, DateTimeOffset?> startOf, Func<string, bool> heldHere)
    {
        if (held.Run is { } run && run == self.Run && held.Attempt is { } was && self.Attempt is { } now && was < now)
        {
            return $"its CI run was retried (attempt {was}, now {now})";
        }

        if (held.Host is null || held.Pid is not { } pid || held.ProcessStarted is not { } started
            || !string.Equals(held.Host, self.Host, StringComparison.OrdinalIgnoreCase) || held.PidNamespace != self.PidNamespace)
        {
            return null;
        }

        if (pid == self.Pid && Same(started, self.ProcessStarted))
        {
            return held.Token is { } token && !heldHere(token) ? "an earlier run in this process did not release it" : null;
        }

        return startOf(pid) switch
        {
            null => $"process {pid} no longer runs on {held.Host}",
            { } other when other != DateTimeOffset.MaxValue && !Same(other, started) => $"process {pid} no longer runs on {held.Host} (its pid is another process's now)",
            _ => null,
        };
    }

    private static bool Same(DateTimeOffset a, DateTimeOffset? b) => b is { } x && (a - x).Duration() < SameStart;
}
