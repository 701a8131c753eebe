namespace S3Deploy.Core.CloudFront;

/// <summary>
/// How long and how often CloudFront calls are retried. Transient failures (5xx, throttling, network) back off
/// exponentially from <see cref="BaseDelay"/> up to <see cref="MaxDelay"/>, at most <see cref="MaxAttempts"/> tries;
/// TooManyInvalidationsInProgress waits about <see cref="BusyDelay"/> each time, at most <see cref="BusyRetries"/> times.
/// </summary>
internal sealed record CloudFrontRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, int BusyRetries, TimeSpan BusyDelay)
{
    // Invalidations usually finish within minutes, so about five minutes of waiting covers a busy distribution.
    public static CloudFrontRetryPolicy Default { get; } = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), 10, TimeSpan.FromSeconds(30));

    /// <summary>
    /// The wait before the next try, or null to give up. <paramref name="failures"/> counts the failures of this kind so far
    /// (1 after the first); <paramref name="jitter"/> in [0, 1) spreads clients apart so they do not retry in step.
    /// </summary>
    internal TimeSpan? NextDelay(RetryKind kind, int failures, double jitter)
    {
        switch (kind)
        {
            case RetryKind.Transient when failures < MaxAttempts:
                var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, failures - 1));
                return TimeSpan.FromMilliseconds(ceiling * (0.5 + (jitter / 2)));
            case RetryKind.Busy when failures <= BusyRetries:
                return TimeSpan.FromMilliseconds(BusyDelay.TotalMilliseconds * (0.75 + (jitter / 2)));
            default:
                return null;
        }
    }
}
