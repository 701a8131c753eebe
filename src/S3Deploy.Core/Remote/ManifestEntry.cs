namespace S3Deploy.Core.Remote;

/// <summary>
/// What S3Deploy knows about an object it wrote: the content id of the source (its MD5, plus the encoding when compressed),
/// the size and ETag of what S3 stored, and the header fingerprint. LastModified is the object's as last listed; null for
/// an object written by the deploy that wrote the manifest (and in manifests written before it was recorded).
/// </summary>
public sealed record ManifestEntry(string Md5, long Size, string ETag, string Headers, DateTimeOffset? LastModified = null);
