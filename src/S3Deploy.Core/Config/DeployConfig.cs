using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace S3Deploy.Core.Config;

/// <summary>
/// s3deploy.json as written, and the same shape for what an adapter's options say explicitly: every field is optional,
/// so a config file and command-line options can be layered with <see cref="OverriddenBy"/>.
/// </summary>
internal sealed class DeployConfig
{
    /// <summary>Objects whose fields are layered one by one; every other field (lists and maps too) is replaced whole.</summary>
    private static readonly string[] Sections = ["website", "cloudfront", "values"];

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

    public bool? HashCache { get; set; }

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

    /// <summary>Releases kept for rollback; 0 turns release history off.</summary>
    public int? KeepReleases { get; set; }

    /// <summary>false: deploys and rollbacks take no deploy lock (.s3deploy/lock.json).</summary>
    public bool? Lock { get; set; }

    /// <summary>How long a request may make no progress before it is retried, e.g. "60s".</summary>
    public string? Timeout { get; set; }

    public CloudFrontConfig? Cloudfront { get; set; }

    /// <summary>Globs, relative to the source folder, of files whose <c>${NAME}</c> placeholders are replaced from <see cref="Values"/>.</summary>
    public List<string>? Substitute { get; set; }

    /// <summary>NAME → value for the placeholders; a target's values are laid over these name by name.</summary>
    public Dictionary<string, string>? Values { get; set; }

    /// <summary>Named targets ("staging", "production"): each a layer of these same fields over the top level, chosen with --target.</summary>
    public Dictionary<string, DeployConfig>? Targets { get; set; }
    /// <summary>Response headers CloudFront adds (with "cloudfront": {"hosting": true}): name → value.</summary>
    public Dictionary<string, string>? Headers { get; set; }
    public PreviewsConfig? Previews { get; set; }

    /// <summary>Where relative paths in this config start: the config file's folder, or the working directory.</summary>
    [JsonIgnore]
    public string BaseDirectory { get; set; } = Environment.CurrentDirectory;

    /// <summary>Who set each field, so an error names it as that source does (file line, flag, input).</summary>
    [JsonIgnore]
    internal FieldOrigins Origins { get; set; } = FieldOrigins.Unnamed;

    /// <summary>The one check of every value, whichever source gave it; an error names the value as that source does.</summary>
    internal void Validate() => ConfigValidator.Validate(this, Origins.Error);

    /// <summary>This config with every field <paramref name="overrides"/> sets replaced (lists replace, they do not append).</summary>
    public DeployConfig OverriddenBy(DeployConfig overrides)
    {
        var merged = Json(this);
        var origins = Origins;
        foreach (var (name, value) in Json(overrides))
        {
            if (Sections.Contains(name) && value is JsonObject section && merged[name] is JsonObject below)
            {
                foreach (var (field, inner) in section)
                {
                    below[field] = inner?.DeepClone();
                    origins = origins.With($"$.{name}.{field}", overrides.Origins);
                }
            }
            else
            {
                merged[name] = value?.DeepClone();
                origins = origins.With("$." + name, overrides.Origins);
            }
        }

        var config = merged.Deserialize(ConfigJson.Default.DeployConfig)!;
        config.BaseDirectory = overrides.Source is null ? BaseDirectory : overrides.BaseDirectory;
        config.Origins = origins;
        return config;
    }

    private static JsonObject Json(DeployConfig config) => JsonSerializer.SerializeToNode(config, ConfigJson.Default.DeployConfig)!.AsObject();
}
