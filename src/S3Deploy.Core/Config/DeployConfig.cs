using System.Text.Json.Serialization;

namespace S3Deploy.Core.Config;

/// <summary>
/// s3deploy.json as written, and the same shape for what an adapter's options say explicitly: every field is optional,
/// so a config file and command-line options can be layered with <see cref="OverriddenBy"/>.
/// </summary>
public sealed class DeployConfig
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Source { get; set; }

    public string? Target { get; set; }

    public string? Region { get; set; }

    public string? Profile { get; set; }

    public string? EndpointUrl { get; set; }

    public bool? Delete { get; set; }

    public int? MaxDeletes { get; set; }

    public bool? AllowEmpty { get; set; }

    public List<string>? Exclude { get; set; }

    public int? Concurrency { get; set; }

    public bool? FollowSymlinks { get; set; }

    public string? CacheControl { get; set; }

    public string? Precompressed { get; set; }

    public string? Sse { get; set; }

    public string? SseKmsKeyId { get; set; }

    public string? StorageClass { get; set; }

    public List<RuleConfig>? Rules { get; set; }

    public Dictionary<string, string>? Redirects { get; set; }

    public WebsiteConfig? Website { get; set; }

    public bool? Public { get; set; }

    public string? KeepStale { get; set; }

    /// <summary>How long a request may make no progress before it is retried, e.g. "60s".</summary>
    public string? Timeout { get; set; }

    public CloudFrontConfig? Cloudfront { get; set; }

    /// <summary>Where relative paths in this config start: the config file's folder, or the working directory.</summary>
    [JsonIgnore]
    public string BaseDirectory { get; set; } = Environment.CurrentDirectory;

    /// <summary>This config with every field <paramref name="overrides"/> sets replaced (lists replace, they do not append).</summary>
    public DeployConfig OverriddenBy(DeployConfig overrides) => new()
    {
        Source = overrides.Source ?? Source,
        Target = overrides.Target ?? Target,
        Region = overrides.Region ?? Region,
        Profile = overrides.Profile ?? Profile,
        EndpointUrl = overrides.EndpointUrl ?? EndpointUrl,
        Delete = overrides.Delete ?? Delete,
        MaxDeletes = overrides.MaxDeletes ?? MaxDeletes,
        AllowEmpty = overrides.AllowEmpty ?? AllowEmpty,
        Exclude = overrides.Exclude ?? Exclude,
        Concurrency = overrides.Concurrency ?? Concurrency,
        FollowSymlinks = overrides.FollowSymlinks ?? FollowSymlinks,
        CacheControl = overrides.CacheControl ?? CacheControl,
        Precompressed = overrides.Precompressed ?? Precompressed,
        Sse = overrides.Sse ?? Sse,
        SseKmsKeyId = overrides.SseKmsKeyId ?? SseKmsKeyId,
        StorageClass = overrides.StorageClass ?? StorageClass,
        Rules = overrides.Rules ?? Rules,
        Redirects = overrides.Redirects ?? Redirects,
        Website = Website?.OverriddenBy(overrides.Website) ?? overrides.Website,
        Public = overrides.Public ?? Public,
        KeepStale = overrides.KeepStale ?? KeepStale,
        Timeout = overrides.Timeout ?? Timeout,
        Cloudfront = Cloudfront?.OverriddenBy(overrides.Cloudfront) ?? overrides.Cloudfront,
        BaseDirectory = overrides.Source is null ? BaseDirectory : overrides.BaseDirectory,
    };
}
