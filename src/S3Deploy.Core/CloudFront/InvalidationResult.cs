namespace S3Deploy.Core.CloudFront;

/// <summary>One CloudFront invalidation a deploy made (or, in a dry run, would make: Id is then null and Status "Planned").</summary>
public sealed record InvalidationResult(string DistributionId, string? Id, IReadOnlyList<string> Paths, string Status)
{
    public const string PlannedStatus = "Planned";
}
