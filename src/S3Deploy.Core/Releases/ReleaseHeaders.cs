using S3Deploy.Core.Headers;

namespace S3Deploy.Core.Releases;

/// <summary>Every header a release's objects carry, so a rollback can set them again (a fingerprint alone cannot be undone).</summary>
public sealed record ReleaseHeaders(
    string ContentType,
    string? CacheControl,
    string? ContentEncoding,
    string? ContentDisposition,
    Dictionary<string, string>? Metadata,
    string? Sse,
    string? SseKmsKeyId,
    string? StorageClass,
    string? Redirect)
{
    public static ReleaseHeaders From(ObjectHeaders h) =>
        new(h.ContentType, h.CacheControl, h.ContentEncoding, h.ContentDisposition, h.UserMetadata.Count == 0 ? null : new(h.UserMetadata), h.ServerSideEncryption, h.SseKmsKeyId, h.StorageClass, h.RedirectLocation);

    public ObjectHeaders ToHeaders() => new(ContentType, CacheControl, ContentEncoding, ContentDisposition, Metadata)
    {
        ServerSideEncryption = Sse,
        SseKmsKeyId = SseKmsKeyId,
        StorageClass = StorageClass,
        RedirectLocation = Redirect,
    };
}
