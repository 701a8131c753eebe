namespace S3Deploy.Core.CloudFront;

/// <summary>The parts of a distribution's configuration that tell which bucket and prefix it serves.</summary>
internal sealed record DistributionConfig(IReadOnlyList<DistributionOrigin> Origins, string? DefaultRootObject)
{
    /// <summary>The origin that reads <paramref name="bucket"/> (its REST or website endpoint), or null.</summary>
    public DistributionOrigin? OriginFor(string bucket) =>
        Origins.FirstOrDefault(o => o.DomainName.StartsWith(bucket + ".s3", StringComparison.OrdinalIgnoreCase));
}
