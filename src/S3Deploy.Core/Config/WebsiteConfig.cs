namespace S3Deploy.Core.Config;

/// <summary>"website" in s3deploy.json.</summary>
public sealed class WebsiteConfig
{
    public string? Index { get; set; }

    public string? Error { get; set; }

    public bool? Spa { get; set; }

    public List<RoutingRuleConfig>? RoutingRules { get; set; }

    public WebsiteConfig OverriddenBy(WebsiteConfig? overrides) => overrides is null ? this : new()
    {
        Index = overrides.Index ?? Index,
        Error = overrides.Error ?? Error,
        Spa = overrides.Spa ?? Spa,
        RoutingRules = overrides.RoutingRules ?? RoutingRules,
    };
}
