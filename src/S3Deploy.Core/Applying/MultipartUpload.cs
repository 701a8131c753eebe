using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Applying;

/// <summary>Uploads one large object in parts (sent several at once, each with its own Content-MD5), and aborts the upload on any failure.</summary>
internal sealed class MultipartUpload(IAmazonS3 s3, S3Target target, PartSender sender, long partSize, IDeployObserver observer)
{
    private const int MaxParts = 10_000;

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
            await UploadAbort.TryAsync(s3, target, key, upload.UploadId, observer);
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

    private Task<T> Call<T>(Func<Task<T>> call, string key) => S3Errors.Call(call, target.Bucket, "s3:PutObject", $"write '{key}'");
}
