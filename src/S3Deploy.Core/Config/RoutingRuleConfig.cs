namespace S3Deploy.Core.Config;

/// <summary>One S3 website routing rule as s3deploy.json writes it: a condition and a redirect, as S3 defines them.</summary>
internal sealed class RoutingRuleConfig
{
    public RoutingConditionConfig? Condition { get; set; }

    public RoutingRedirectConfig? Redirect { get; set; }
}

internal sealed class RoutingConditionConfig
{
    public string? KeyPrefixEquals { get; set; }

    public string? HttpErrorCodeReturnedEquals { get; set; }
}

internal sealed class RoutingRedirectConfig
{
    public string? Protocol { get; set; }

    public string? HostName { get; set; }

    public string? ReplaceKeyPrefixWith { get; set; }

    public string? ReplaceKeyWith { get; set; }

    public string? HttpRedirectCode { get; set; }
}
