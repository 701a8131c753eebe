namespace S3Deploy.Core.Remote;

/// <summary>
/// What S3Deploy knows about an object it wrote: the content id of the source (its MD5, plus the encoding when compressed),
/// the size and ETag of what S3 stored, and the header fingerprint.
/// </summary>
public sealed record ManifestEntry(string Md5, long Size, string ETag, string Headers);
