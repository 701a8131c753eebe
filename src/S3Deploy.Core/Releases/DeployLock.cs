namespace S3Deploy.Core.Releases;

/// <summary>
/// The lock object's body: who holds the prefix, since when, and when the lease runs out; and enough about the holder
/// (its host, process and CI run) for a rerun to tell that the holder is gone and take the lock over.
/// </summary>
public sealed record DeployLock(string Holder, string Operation, DateTimeOffset Started, DateTimeOffset Expires)
{
    public string? Host { get; init; }

    /// <summary>The holder's pid namespace (Linux), so two containers that share a host name are not taken for one host.</summary>
    public string? PidNamespace { get; init; }

    public int? Pid { get; init; }

    public DateTimeOffset? ProcessStarted { get; init; }

    /// <summary>Random per acquisition: tells an earlier run in the same process from the one that holds the lock now.</summary>
    public string? Token { get; init; }

    /// <summary>The CI run ("github:RUN_ID", "azure:BUILD_ID") and its attempt: a retried run takes over its failed attempt's lock.</summary>
    public string? Run { get; init; }

    public int? Attempt { get; init; }
}
