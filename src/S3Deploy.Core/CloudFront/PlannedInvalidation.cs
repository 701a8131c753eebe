namespace S3Deploy.Core.CloudFront;

/// <summary>The invalidation a deploy will make on one distribution, with the paths decided before anything changes.</summary>
public sealed record PlannedInvalidation(string DistributionId, IReadOnlyList<string> Paths);
