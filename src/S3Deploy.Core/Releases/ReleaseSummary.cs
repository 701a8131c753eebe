namespace S3Deploy.Core.Releases;

/// <summary>One line of <c>s3deploy releases</c>: a release and whether it is the live one (the newest).</summary>
public sealed record ReleaseSummary(string Id, DateTimeOffset? Time, string? Revision, string? Message, string? RolledBackTo, ReleaseCounts? Counts, bool Live);
