namespace S3Deploy.Core.CloudFront;

/// <summary>One origin of a distribution; <see cref="OriginPath"/> is "" when the origin serves from its root.</summary>
internal sealed record DistributionOrigin(string Id, string DomainName, string OriginPath);
