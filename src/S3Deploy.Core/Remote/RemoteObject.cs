namespace S3Deploy.Core.Remote;

/// <summary>An object as ListObjectsV2 shows it. The ETag is lower case and without quotes.</summary>
public sealed record RemoteObject(string RelativeKey, long Size, string ETag)
{
    /// <summary>A single-part, non-KMS upload's ETag is the hex MD5 of its bytes; multipart ETags carry a "-N" suffix.</summary>
    public bool ETagIsMd5 => ETag.Length == 32 && ETag.All(char.IsAsciiHexDigit);
}
