using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Applying;

/// <summary>Uploads one large object in parts (sent several at once, each with its own Content-MD5), and aborts the upload on any failure.</summary>
internal sealed class MultipartUpload(IAmazonS3 s3, S3Target target, PartSender sender, long partSize, IDeployObserver observer)
{
    private const int MaxParts = 10_000;
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(10);

    public async Task<(string ETag, string? VersionId)> UploadAsync(DesiredObject d, UploadBody body, EventHandler<StreamTransferProgressArgs> sent, CancellationToken ct)
    {
        var key = target.KeyFor(d.RelativeKey);
        var start = new InitiateMultipartUploadRequest { BucketName = target.Bucket, Key = key };
        d.Headers.ApplyTo(start);
        var upload = await Call(() => s3.InitiateMultipartUploadAsync(start, ct), d.RelativeKey);
        try
        {
            var parts = await sender.SendAsync(d, upload.UploadId, body, EffectivePartSize(body.Size), sent, ct);
            var complete = new CompleteMultipartUploadRequest { BucketName = target.Bucket, Key = key, UploadId = upload.UploadId, PartETags = parts };
            var done = await Call(() => s3.CompleteMultipartUploadAsync(complete, ct), d.RelativeKey);
            return (ETags.Normalize(done.ETag), done.VersionId);
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
