namespace S3Deploy.Core.Website;

/// <summary>S3 website hosting for the bucket. Document names are relative to the deploy prefix.</summary>
public sealed record WebsiteSettings
{
    public const int MaxRoutingRules = 50;

    public string Index { get; init; } = "index.html";

    public string? Error { get; init; }

    /// <summary>A single-page app: unknown paths get the index document (with S3's 404 status, which browsers render anyway).</summary>
    public bool Spa { get; init; }

    public IReadOnlyList<WebsiteRoutingRule> RoutingRules { get; init; } = [];
}
