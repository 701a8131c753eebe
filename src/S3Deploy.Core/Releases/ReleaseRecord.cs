namespace S3Deploy.Core.Releases;

/// <summary>
/// One release as stored under .s3deploy/releases/: when, by what, from which revision, the counts, and the prefix's full
/// key set (content id, stored size, header fingerprint, entry document or not) with the headers each fingerprint stands for.
/// </summary>
public sealed record ReleaseRecord(
    int Version,
    string Id,
    DateTimeOffset Time,
    string Tool,
    string? Revision,
    string? Message,
    string? RolledBackTo,
    ReleaseCounts Counts,
    Dictionary<string, ReleaseObject> Objects,
    Dictionary<string, ReleaseHeaders> Headers)
{
    public const int CurrentVersion = 1;
}

public sealed record ReleaseCounts(int Objects, int Uploaded, int HeadersUpdated, int Deleted, int Preserved);

/// <param name="VersionId">On a versioned bucket, the object's version (a rollback copies from it); absent in records made without versioning.</param>
public sealed record ReleaseObject(string Hash, long Size, string Headers, bool Entry = false, string? VersionId = null);
