namespace S3Deploy.Core.Remote;

/// <summary>
/// An object as ListObjectsV2 shows it. The ETag is lower case and without quotes, or empty when the server sent none
/// that can be compared (see <see cref="ETags"/>). LastModified is null where the server gave none.
/// </summary>
public sealed record RemoteObject(string RelativeKey, long Size, string ETag, DateTimeOffset? LastModified = null)
{
    /// <summary>A single-part, non-KMS upload's ETag is the hex MD5 of its bytes; multipart ETags carry a "-N" suffix.</summary>
    public bool ETagIsMd5 => IsMd5Form(ETag);

    internal static bool IsMd5Form(string etag) => etag.Length == 32 && etag.All(char.IsAsciiHexDigit);
}
