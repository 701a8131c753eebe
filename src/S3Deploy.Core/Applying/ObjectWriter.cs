using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Applying;

/// <summary>Writes one object: a streamed PUT with Content-MD5, a multipart upload above the threshold, or a header-only copy onto itself.</summary>
internal sealed class ObjectWriter(IAmazonS3 s3, S3Target target, bool plainBodies, long multipartThreshold, long partSize, IDeployObserver observer)
{
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(10);

    public async Task<StoredObject> ApplyAsync(PlannedAction action, CancellationToken ct)
    {
        var desired = action.Desired!;
        if (action.Kind == ActionKind.UpdateHeaders)
        {
            return await CopyOntoItselfAsync(desired, ct);
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
        void Sent(object? sender, Amazon.Runtime.StreamTransferProgressArgs e) => observer?.BytesSent(action, e.IncrementTransferred);
        var etag = body.Size > multipartThreshold ? await MultipartAsync(desired, body, Sent, ct) : await PutAsync(desired, body, Sent, ct);
        if (UploadBody.Stamp(desired.File) != stamp)
        {
            throw UploadBody.Changed(desired.File);
        }

        return new StoredObject(etag, body.Size);
    }

    private async Task<string> PutAsync(DesiredObject d, UploadBody body, EventHandler<Amazon.Runtime.StreamTransferProgressArgs> sent, CancellationToken ct)
    {
        var h = d.Headers;
        var request = new PutObjectRequest
        {
            BucketName = target.Bucket,
            Key = target.KeyFor(d.RelativeKey),
            InputStream = body.OpenRead(),
            AutoCloseStream = true,
            MD5Digest = body.Md5Base64,
            UseChunkEncoding = !plainBodies,
            ContentType = h.ContentType,
            ServerSideEncryptionMethod = Sse(h),
            ServerSideEncryptionKeyManagementServiceKeyId = h.SseKmsKeyId,
            StorageClass = StorageClass(h),
            WebsiteRedirectLocation = h.RedirectLocation,
        };
        request.StreamTransferProgress += sent;
        Apply(h, request.Headers, request.Metadata);
        var response = await Call(() => s3.PutObjectAsync(request, ct), d.RelativeKey, "s3:PutObject");
        return ETags.Normalize(response.ETag);
    }

    private async Task<string> MultipartAsync(DesiredObject d, UploadBody body, EventHandler<Amazon.Runtime.StreamTransferProgressArgs> sent, CancellationToken ct)
    {
        var h = d.Headers;
        var key = target.KeyFor(d.RelativeKey);
        var start = new InitiateMultipartUploadRequest
        {
            BucketName = target.Bucket,
            Key = key,
            ContentType = h.ContentType,
            ServerSideEncryptionMethod = Sse(h),
            ServerSideEncryptionKeyManagementServiceKeyId = h.SseKmsKeyId,
            StorageClass = StorageClass(h),
            WebsiteRedirectLocation = h.RedirectLocation,
        };
        Apply(h, start.Headers, start.Metadata);
        var upload = await Call(() => s3.InitiateMultipartUploadAsync(start, ct), d.RelativeKey, "s3:PutObject");
        try
        {
            var parts = new List<PartETag>();
            using var whole = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var size = EffectivePartSize(body.Size);
            for (long offset = 0, number = 1; offset < body.Size; offset += size, number++)
            {
                var length = Math.Min(size, body.Size - offset);
                var request = new UploadPartRequest
                {
                    BucketName = target.Bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = (int)number,
                    FilePath = body.Path,
                    FilePosition = offset,
                    PartSize = length,
                    MD5Digest = await PartMd5Async(body.Path, offset, length, whole, ct),
                    UseChunkEncoding = !plainBodies,
                };
                request.StreamTransferProgress += sent;
                var part = await Call(() => s3.UploadPartAsync(request, ct), d.RelativeKey, "s3:PutObject");
                parts.Add(new PartETag((int)number, part.ETag));
            }

            if (Convert.ToHexStringLower(whole.GetHashAndReset()) != body.Md5Hex)
            {
                throw UploadBody.Changed(d.File);
            }

            var complete = new CompleteMultipartUploadRequest { BucketName = target.Bucket, Key = key, UploadId = upload.UploadId, PartETags = parts };
            var done = await Call(() => s3.CompleteMultipartUploadAsync(complete, ct), d.RelativeKey, "s3:PutObject");
            return ETags.Normalize(done.ETag);
        }
        catch
        {
            // Abandoned parts are billed until aborted: abort on any failure, cancellation included.
            await AbortAsync(key, upload.UploadId);
            throw;
        }
    }

    private async Task<StoredObject> CopyOntoItselfAsync(DesiredObject d, CancellationToken ct)
    {
        var h = d.Headers;
        var key = target.KeyFor(d.RelativeKey);
        var request = new CopyObjectRequest
        {
            SourceBucket = target.Bucket,
            SourceKey = key,
            DestinationBucket = target.Bucket,
            DestinationKey = key,
            MetadataDirective = S3MetadataDirective.REPLACE,
            ContentType = h.ContentType,
            ServerSideEncryptionMethod = Sse(h),
            ServerSideEncryptionKeyManagementServiceKeyId = h.SseKmsKeyId,
            StorageClass = StorageClass(h),
            WebsiteRedirectLocation = h.RedirectLocation,
        };
        Apply(h, request.Headers, request.Metadata);
        var response = await Call(() => s3.CopyObjectAsync(request, ct), d.RelativeKey, "s3:GetObject and s3:PutObject");
        return new StoredObject(ETags.Normalize(response.ETag), Size: null, S3Times.From(response.LastModified));
    }

    private static ServerSideEncryptionMethod? Sse(ObjectHeaders h) => h.ServerSideEncryption is { } sse ? ServerSideEncryptionMethod.FindValue(sse) : null;

    private static S3StorageClass? StorageClass(ObjectHeaders h) => h.StorageClass is { } sc ? S3StorageClass.FindValue(sc) : null;

    private long EffectivePartSize(long fileSize)
    {
        const int maxParts = 10_000;
        var size = partSize;
        while ((fileSize + size - 1) / size > maxParts)
        {
            size *= 2;
        }

        return size;
    }

    private static async Task<string> PartMd5Async(string path, long offset, long length, IncrementalHash whole, CancellationToken ct)
    {
        await using var stream = UploadBody.Open(path);
        stream.Position = offset;
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[1 << 16];
        for (var left = length; left > 0;)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct);
            if (read == 0)
            {
                throw new IOException($"'{path}' got shorter while it was being uploaded.");
            }

            md5.AppendData(buffer, 0, read);
            whole.AppendData(buffer, 0, read);
            left -= read;
        }

        return Convert.ToBase64String(md5.GetHashAndReset());
    }

    /// <summary>With a fresh short timeout, as the deploy's own token is often the reason to abort (Ctrl+C, SIGTERM).</summary>
    private async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(AbortTimeout);
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = target.Bucket, Key = key, UploadId = uploadId }, timeout.Token);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
        {
            // Already gone: aborted or completed by an earlier attempt.
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or OperationCanceledException or HttpRequestException or IOException)
        {
            var reason = e is OperationCanceledException ? $"no answer within {AbortTimeout.TotalSeconds:F0} s" : e is AmazonServiceException s ? s.ErrorCode ?? e.Message : e.Message;
            observer.Warning(Diagnostic.Warning(DiagnosticCode.UploadNotAborted, $"Could not abort the unfinished multipart upload of '{key}' ({reason}); its parts are billed until it is aborted. "
                + $"A lifecycle rule with AbortIncompleteMultipartUpload removes it, or run: aws s3api abort-multipart-upload --bucket {target.Bucket} --key {key} --upload-id {uploadId}"));
        }
    }

    private static void Apply(ObjectHeaders headers, HeadersCollection target, MetadataCollection metadata)
    {
        target.CacheControl = headers.CacheControl;
        target.ContentEncoding = headers.ContentEncoding;
        target.ContentDisposition = headers.ContentDisposition;
        foreach (var (name, value) in headers.UserMetadata)
        {
            metadata.Add(name, MetadataEncoding.Encode(value));
        }
    }

    private Task<T> Call<T>(Func<Task<T>> call, string key, string permission) =>
        S3Errors.Call(call, target.Bucket, permission, $"write '{key}'");
}
