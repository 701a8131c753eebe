namespace S3Deploy.Core.Headers;

/// <summary>Deploy-wide header choices; rules refine them per file.</summary>
public sealed record HeaderSettings
{
    public IReadOnlyList<HeaderRule> Rules { get; init; } = [];

    /// <summary>Replaces the built-in defaults (fingerprinted, entry, other) for files no rule gives a Cache-Control.</summary>
    public string? CacheControl { get; init; }

    public string? ServerSideEncryption { get; init; }

    public string? SseKmsKeyId { get; init; }

    public string? StorageClass { get; init; }
}
