namespace S3Deploy.Core.Planning;

/// <summary>An object as S3 holds it after a write: the ETag it answered and the size of the bytes sent (null after a copy, which keeps the size).</summary>
public sealed record StoredObject(string ETag, long? Size);
