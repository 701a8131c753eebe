namespace S3Deploy.Core.Remote;

/// <summary>The manifest as stored: a version, who wrote it and when, the entries, the stale records, and the release it belongs to.</summary>
internal sealed record ManifestDocument(int Version, string? Tool, DateTimeOffset? Written, Dictionary<string, ManifestEntry>? Objects, Dictionary<string, DateTimeOffset>? Stale, string? Release = null);
