using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Applying;

/// <summary>Writes one object: a streamed PUT with Content-MD5, a multipart upload above the threshold, or a header-only copy onto itself.</summary>
internal sealed class ObjectWriter(IAmazonS3 s3, S3Target target, bool plainBodies, long multipartThreshold, long partSize, int concurrency, IDeployObserver observer, long maxCopySize = MultipartCopy.CopyObjectLimit)
{
    private readonly bool unsignedPayload = PayloadSigning.CanSkip(s3);
    private readonly MultipartCopy bigCopy = new(s3, target, maxCopySize, observer);
    private readonly MultipartUpload multipart = new(s3, target, new PartSender(s3, target, new PartSlots(concurrency, partSize), plainBodies, PayloadSigning.CanSkip(s3)), partSize, observer);

    public async Task<StoredObject> ApplyAsync(PlannedAction action, CancellationToken ct)
    {
        var desired = action.Desired!;
        if (action.Kind == ActionKind.UpdateHeaders)
        {
            return await CopyOntoItselfAsync(desired, ct);
        }

        if (action.RestoreFrom is { } from)
        {
            return await CopyOntoItselfAsync(desired, ct, from, action.RestoreVersionId);
        }

        // Content-MD5 (computed at scan time) makes S3 refuse bytes that changed before they were sent; the stamp catches a
        // file rewritten while it was being sent, so such an upload is reported and never recorded in the manifest.
        var stamp = UploadBody.Stamp(desired.File);
        if (desired.File.FullPath.Length > 0 && stamp.Length != desired.File.Size)
        {
            throw UploadBody.Changed(desired.File);
        }

        await using var body = await UploadBody.PrepareAsync(desired, ct);
        // Bytes are reported as they leave, so a progress bar moves while a large file's parts go up, not only once it is done.
        void Sent(object? sender, StreamTransferProgressArgs e) => observer?.BytesSent(action, e.IncrementTransferred);
        var (etag, version) = body.Size > multipartThreshold ? await multipart.UploadAsync(desired, body, Sent, ct) : await PutAsync(desired, body, Sent, ct);
        if (UploadBody.Stamp(desired.File) != stamp)
        {
            throw UploadBody.Changed(desired.File);
        }

        return new StoredObject(etag, body.Size, VersionId: version);
    }

    private async Task<(string ETag, string? VersionId)> PutAsync(DesiredObject d, UploadBody body, EventHandler<StreamTransferProgressArgs> sent, CancellationToken ct)
    {
        var request = new PutObjectRequest
        {
            BucketName = target.Bucket,
            Key = target.KeyFor(d.RelativeKey),
            InputStream = body.OpenRead(),
            AutoCloseStream = true,
            MD5Digest = body.Md5Base64,
            UseChunkEncoding = !plainBodies,
            DisablePayloadSigning = unsignedPayload ? true : null,
        };
        d.Headers.ApplyTo(request);
        request.StreamTransferProgress += sent;
        var response = await Call(() => s3.PutObjectAsync(request, ct), d.RelativeKey, "s3:PutObject");
        return (ETags.Normalize(response.ETag), response.VersionId);
    }

    /// <param name="from">A rollback's source (the store, or another key with the same bytes); by default the object itself.</param>
    /// <param name="version">A rollback's source version on a versioned bucket; by default the current one.</param>
    private async Task<StoredObject> CopyOntoItselfAsync(DesiredObject d, CancellationToken ct, string? from = null, string? version = null)
    {
        var key = target.KeyFor(d.RelativeKey);
        var source = from is null ? key : target.KeyFor(from);
        if (await bigCopy.OversizedAsync(source, version, d.File.Size, ct) is { } size)
        {
            var (etag, versionId) = await bigCopy.CopyAsync(source, version, key, size, d.Headers, null, ct);
            return new StoredObject(etag, from is null ? null : size, VersionId: versionId);
        }

        var request = new CopyObjectRequest
        {
            SourceBucket = target.Bucket,
            SourceKey = source,
            SourceVersionId = version,
            DestinationBucket = target.Bucket,
            DestinationKey = key,
            MetadataDirective = S3MetadataDirective.REPLACE,
        };
        d.Headers.ApplyTo(request);
        var response = await Call(() => s3.CopyObjectAsync(request, ct), d.RelativeKey, "s3:GetObject and s3:PutObject");
        return new StoredObject(ETags.Normalize(response.ETag), from is null ? null : d.File.Size, S3Times.From(response.LastModified), response.VersionId);
    }

    private Task<T> Call<T>(Func<Task<T>> call, string key, string permission) =>
        S3Errors.Call(call, target.Bucket, permission, $"write '{key}'");
}
