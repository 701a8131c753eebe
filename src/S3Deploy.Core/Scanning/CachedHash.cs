namespace S3Deploy.Core.Scanning;

/// <summary>The MD5 a file had when it had this stamp.</summary>
internal readonly record struct CachedHash(FileStamp Stamp, string Md5Hex);
