using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Applying;

/// <summary>Uploads one large object in parts, each with its own Content-MD5, and aborts the upload on any failure.</summary>
internal sealed class MultipartUpload(IAmazonS3 s3, S3Target target, bool plainBodies, long partSize, IDeployObserver observer)
{
    private const int MaxParts = 10_000;
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(10);

    public async Task<string> UploadAsync(DesiredObject d, UploadBody body, EventHandler<StreamTransferProgressArgs> sent, CancellationToken ct)
    {
        var key = target.KeyFor(d.RelativeKey);
        var start = new InitiateMultipartUploadRequest { BucketName = target.Bucket, Key = key };
        d.Headers.ApplyTo(start);
        var upload = await Call(() => s3.InitiateMultipartUploadAsync(start, ct), d.RelativeKey);
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
                var part = await Call(() => s3.UploadPartAsync(request, ct), d.RelativeKey);
                parts.Add(new PartETag((int)number, part.ETag));
            }

            if (Convert.ToHexStringLower(whole.GetHashAndReset()) != body.Md5Hex)
            {
                throw UploadBody.Changed(d.File);
            }

            var complete = new CompleteMultipartUploadRequest { BucketName = target.Bucket, Key = key, UploadId = upload.UploadId, PartETags = parts };
            var done = await Call(() => s3.CompleteMultipartUploadAsync(complete, ct), d.RelativeKey);
            return ETags.Normalize(done.ETag);
        }
        catch
        {
            // Abandoned parts are billed until aborted: abort on any failure, cancellation included.
            await AbortAsync(key, upload.UploadId);
            throw;
        }
    }

    private long EffectivePartSize(long fileSize)
    {
        var size = partSize;
        while ((fileSize + size - 1) / size > MaxParts)
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

    private Task<T> Call<T>(Func<Task<T>> call, string key) => S3Errors.Call(call, target.Bucket, "s3:PutObject", $"write '{key}'");
}
