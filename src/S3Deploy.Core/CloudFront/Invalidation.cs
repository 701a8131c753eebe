namespace S3Deploy.Core.CloudFront;

/// <summary>A CloudFront invalidation as the service reports it; <see cref="Status"/> is InProgress or Completed.</summary>
internal sealed record Invalidation(string Id, string Status, DateTimeOffset? CreateTime, IReadOnlyList<string> Paths)
{
    // The API documents "Completed", but a status is a word, not a token: "COMPLETED" must not be waited on until the timeout.
    public bool IsCompleted => string.Equals(Status, "Completed", StringComparison.OrdinalIgnoreCase);
}
