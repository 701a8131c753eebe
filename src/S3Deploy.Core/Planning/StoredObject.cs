namespace S3Deploy.Core.Planning;

/// <summary>
/// An object as S3 holds it after a write: the ETag it answered, the size of the bytes sent (null after a copy, which
/// keeps the size), its LastModified where the answer gives one (a copy's does, an upload's does not), and the version
/// id a versioned bucket answered.
/// </summary>
internal sealed record StoredObject(string ETag, long? Size, DateTimeOffset? LastModified = null, string? VersionId = null);
