namespace S3Deploy.Core.Config;

/// <summary>"website" in s3deploy.json.</summary>
internal sealed class WebsiteConfig
{
    public string? Index { get; set; }

    public string? Error { get; set; }

    public bool? Spa { get; set; }

    public List<RoutingRuleConfig>? RoutingRules { get; set; }
}
