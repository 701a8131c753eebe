namespace S3Deploy.Core.Diagnostics;

/// <summary>Why a deploy stopped; each adapter maps it to its own exit code or build error.</summary>
public enum FailureKind
{
    Service = 1,
    Usage = 2,
    Refused = 3,
    Cancelled = 130,
}
