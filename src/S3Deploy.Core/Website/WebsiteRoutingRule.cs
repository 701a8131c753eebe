namespace S3Deploy.Core.Website;

/// <summary>One S3 website routing rule, field for field as S3 defines it.</summary>
public sealed record WebsiteRoutingRule
{
    public string? KeyPrefixEquals { get; init; }

    public string? HttpErrorCodeReturnedEquals { get; init; }

    public string? Protocol { get; init; }

    public string? HostName { get; init; }

    public string? ReplaceKeyPrefixWith { get; init; }

    public string? ReplaceKeyWith { get; init; }

    public string? HttpRedirectCode { get; init; }
}
