using Amazon.S3.Model;

namespace S3Deploy.Core.Website;

/// <summary>
/// The least change to a bucket's public access block that lets a public-read bucket policy work: only BlockPublicPolicy
/// and RestrictPublicBuckets stand in its way; the ACL settings stay as they are.
/// </summary>
internal static class PublicAccessBlockChange
{
    /// <summary>The block before and after the deploy; After equals Before when the current block already allows a public policy.</summary>
    public static BlockChange Plan(PublicAccessBlockConfiguration? current) =>
        new(AccessBlockFlags.From(current), AccessBlockFlags.From(Relax(current) ?? current));

    /// <returns>The configuration to write, or null when the current one (null: none) already allows a public policy.</returns>
    public static PublicAccessBlockConfiguration? Relax(PublicAccessBlockConfiguration? current)
    {
        if (current is null || (current.BlockPublicPolicy != true && current.RestrictPublicBuckets != true))
        {
            return null;
        }

        return new PublicAccessBlockConfiguration
        {
            BlockPublicAcls = current.BlockPublicAcls,
            IgnorePublicAcls = current.IgnorePublicAcls,
            BlockPublicPolicy = false,
            RestrictPublicBuckets = false,
        };
    }
}
