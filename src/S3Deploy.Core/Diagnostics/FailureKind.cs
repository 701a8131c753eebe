namespace S3Deploy.Core.Diagnostics;

/// <summary>Why a deploy stopped; the values are the exit codes every adapter uses (<see cref="FailureKindExtensions.ExitCode"/>).</summary>
internal enum FailureKind
{
    Service = 1,
    Usage = 2,
    Refused = 3,
    Cancelled = 130,
}
