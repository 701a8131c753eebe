using S3Deploy.Core.Scanning;

namespace S3Deploy.Core.Headers;

/// <summary>
/// Headers for the files a glob matches. Every matching rule applies, in order; a field a later rule sets wins,
/// metadata is merged name by name. Null means "this rule does not say".
/// </summary>
public sealed record HeaderRule(Glob Match)
{
    public string? CacheControl { get; init; }

    public string? ContentType { get; init; }

    public string? ContentEncoding { get; init; }

    public string? ContentDisposition { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public Compression? Compress { get; init; }

    /// <summary>True puts the files in the entry-document phase (deployed after everything else, revalidated by caches).</summary>
    public bool? Entry { get; init; }

    public string? ServerSideEncryption { get; init; }

    public string? SseKmsKeyId { get; init; }

    public string? StorageClass { get; init; }
}
