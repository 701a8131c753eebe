namespace S3Deploy.Core.Edge;

/// <summary>
/// What the viewer-request function is generated from: the relative keys the deploy leaves in the bucket, the configured
/// redirects (path → location, as in s3deploy.json), the website's index document and SPA switch, whether X.br/X.gz
/// siblings are negotiated, and how keys map to viewer paths (deploy prefix and the origin's path).
/// </summary>
internal sealed record EdgeSite(
    IReadOnlyCollection<string> Keys,
    IReadOnlyDictionary<string, string> Redirects,
    string Index,
    bool Spa,
    bool Negotiate,
    ViewerPaths Paths);
