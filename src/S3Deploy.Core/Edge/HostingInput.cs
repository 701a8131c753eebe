using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Edge;

/// <summary>What hosting is planned from: the site (its key set and settings, before the origin path is known), the target and the distributions.</summary>
internal sealed record HostingInput(EdgeSite Site, string? ErrorDocument, S3Target Target, IReadOnlyList<string> Distributions, CloudFront.ResponseHeaders? Headers = null);
