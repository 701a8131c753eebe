namespace S3Deploy.Core;

/// <summary>Where and as whom to connect. Null values fall back to the AWS SDK's defaults (environment, profile, instance metadata).</summary>
public sealed record ConnectionOptions(string? Region = null, string? Profile = null, string? EndpointUrl = null)
{
    /// <summary>How long one HTTP request may take before it is retried; null keeps the SDK's default. Tests shorten it.</summary>
    internal TimeSpan? RequestTimeout { get; init; }
}
