namespace S3Deploy.Core.CloudFront;

/// <summary>How a failed call may be retried.</summary>
internal enum RetryKind
{
    None,

    /// <summary>5xx, throttling, network: back off briefly and resend.</summary>
    Transient,

    /// <summary>TooManyInvalidationsInProgress: only earlier invalidations finishing helps, so wait much longer.</summary>
    Busy,
}
