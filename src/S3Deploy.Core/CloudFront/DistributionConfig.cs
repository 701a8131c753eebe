namespace S3Deploy.Core.CloudFront;

/// <summary>The parts of a distribution's configuration that tell which bucket and prefix it serves.</summary>
internal sealed record DistributionConfig(IReadOnlyList<DistributionOrigin> Origins, string? DefaultRootObject);
