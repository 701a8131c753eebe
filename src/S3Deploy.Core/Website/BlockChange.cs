namespace S3Deploy.Core.Website;

/// <summary>The public access block part of a plan, before and after (null: no block configured); equal when nothing changes.</summary>
public sealed record BlockChange(AccessBlockFlags? Before, AccessBlockFlags? After)
{
    public bool Changes => Before != After;
}
