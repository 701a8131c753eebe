namespace S3Deploy.Core.Config;

/// <summary>"previews" in s3deploy.json.</summary>
internal sealed class PreviewsConfig
{
    /// <summary>Where previews live under the target's prefix, e.g. "_previews/".</summary>
    public string? Prefix { get; set; }
}
