namespace S3Deploy.Core.Remote;

/// <summary>The manifest as stored: a version, who wrote it and when, the entries, and the stale records.</summary>
internal sealed record ManifestDocument(int Version, string? Tool, DateTimeOffset? Written, Dictionary<string, ManifestEntry>? Objects, Dictionary<string, DateTimeOffset>? Stale);
