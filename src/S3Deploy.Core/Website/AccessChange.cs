namespace S3Deploy.Core.Website;

/// <summary>The public access part of a plan (--public): the public access block first, then the bucket policy.</summary>
public sealed record AccessChange(BlockChange Block, PolicyChange Policy)
{
    public bool Changes => Block.Changes || Policy.Changes;
}
