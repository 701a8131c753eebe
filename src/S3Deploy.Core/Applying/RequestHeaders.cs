using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Headers;

namespace S3Deploy.Core.Applying;

/// <summary>
/// The one place that puts an object's headers on a request that writes it. PutObject, CopyObject and InitiateMultipartUpload
/// share no base type in the SDK, so each overload only hands over where its fields live.
/// </summary>
internal static class RequestHeaders
{
    public static void ApplyTo(this ObjectHeaders h, PutObjectRequest r) =>
        Apply(h, r.Headers, r.Metadata, v => r.ContentType = v, v => r.ServerSideEncryptionMethod = v,
            v => r.ServerSideEncryptionKeyManagementServiceKeyId = v, v => r.StorageClass = v, v => r.WebsiteRedirectLocation = v);

    public static void ApplyTo(this ObjectHeaders h, CopyObjectRequest r) =>
        Apply(h, r.Headers, r.Metadata, v => r.ContentType = v, v => r.ServerSideEncryptionMethod = v,
            v => r.ServerSideEncryptionKeyManagementServiceKeyId = v, v => r.StorageClass = v, v => r.WebsiteRedirectLocation = v);

    public static void ApplyTo(this ObjectHeaders h, InitiateMultipartUploadRequest r) =>
        Apply(h, r.Headers, r.Metadata, v => r.ContentType = v, v => r.ServerSideEncryptionMethod = v,
            v => r.ServerSideEncryptionKeyManagementServiceKeyId = v, v => r.StorageClass = v, v => r.WebsiteRedirectLocation = v);

    private static void Apply(
        ObjectHeaders h,
        HeadersCollection headers,
        MetadataCollection metadata,
        Action<string?> contentType,
        Action<ServerSideEncryptionMethod?> encryption,
        Action<string?> kmsKeyId,
        Action<S3StorageClass?> storageClass,
        Action<string?> redirect)
    {
        contentType(h.ContentType);
        encryption(h.ServerSideEncryption is { } sse ? ServerSideEncryptionMethod.FindValue(sse) : null);
        kmsKeyId(h.SseKmsKeyId);
        storageClass(h.StorageClass is { } sc ? S3StorageClass.FindValue(sc) : null);
        redirect(h.RedirectLocation);
        headers.CacheControl = h.CacheControl;
        headers.ContentEncoding = h.ContentEncoding;
        headers.ContentDisposition = h.ContentDisposition;
        foreach (var (name, value) in h.UserMetadata)
        {
            metadata.Add(name, MetadataEncoding.Encode(value));
        }
    }
}
