namespace S3Deploy.Core.Config;

/// <summary>One entry of "rules" in s3deploy.json, as written.</summary>
internal sealed class RuleConfig
{
    public string? Match { get; set; }

    public string? CacheControl { get; set; }

    public string? ContentType { get; set; }

    public string? ContentEncoding { get; set; }

    public string? ContentDisposition { get; set; }

    public Dictionary<string, string>? Metadata { get; set; }

    public string? Compress { get; set; }

    public bool? Entry { get; set; }

    public string? Sse { get; set; }

    public string? SseKmsKeyId { get; set; }

    public string? StorageClass { get; set; }
}
