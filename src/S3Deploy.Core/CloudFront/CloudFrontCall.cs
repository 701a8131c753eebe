namespace S3Deploy.Core.CloudFront;

/// <summary>What a request was for, so a failure can say what was attempted and which permission it needs.</summary>
internal sealed record CloudFrontCall(string DistributionId, string Permission, string What);
