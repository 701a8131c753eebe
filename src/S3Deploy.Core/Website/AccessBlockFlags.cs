using Amazon.S3.Model;

namespace S3Deploy.Core.Website;

/// <summary>The four settings of a bucket's public access block, as plain values.</summary>
public sealed record AccessBlockFlags(bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets)
{
    /// <returns>Null when the bucket has no public access block configured.</returns>
    internal static AccessBlockFlags? From(PublicAccessBlockConfiguration? config) => config is null
        ? null
        : new(config.BlockPublicAcls == true, config.IgnorePublicAcls == true, config.BlockPublicPolicy == true, config.RestrictPublicBuckets == true);

    internal PublicAccessBlockConfiguration ToS3() => new()
    {
        BlockPublicAcls = BlockPublicAcls,
        IgnorePublicAcls = IgnorePublicAcls,
        BlockPublicPolicy = BlockPublicPolicy,
        RestrictPublicBuckets = RestrictPublicBuckets,
    };
}
