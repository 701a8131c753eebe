namespace S3Deploy.Core.CloudFront;

/// <summary>A CloudFront invalidation as the service reports it; <see cref="Status"/> is InProgress or Completed.</summary>
public sealed record Invalidation(string Id, string Status, DateTimeOffset? CreateTime, IReadOnlyList<string> Paths)
{
    public bool IsCompleted => Status == "Completed";
}
