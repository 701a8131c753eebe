namespace S3Deploy.Core.Remote;

/// <summary>What S3Deploy knows about an object it wrote: the local MD5 and size, the ETag S3 answered, and the header fingerprint.</summary>
public sealed record ManifestEntry(string Md5, long Size, string ETag, string Headers);
