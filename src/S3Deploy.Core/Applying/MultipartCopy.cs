using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Applying;

/// <summary>
/// Copies an object inside S3 in parts (UploadPartCopy) when it is over CopyObject's 5 GiB limit, so a header update, a
/// rollback's restore and a kept release's bytes of a big file send no bytes either.
/// </summary>
internal sealed class MultipartCopy(IAmazonS3 s3, S3Target target, long maxCopySize, IDeployObserver observer)
{
    /// <summary>CopyObject's limit on its source (S3 answers InvalidRequest above it).</summary>
    public const long CopyObjectLimit = 5L * 1024 * 1024 * 1024;
    private const int MaxParts = 10_000;
    private const long LargePart = 512L * 1024 * 1024;

    /// <summary>The stored size when the object is over the limit, else null (CopyObject does). Asked only for big files.</summary>
    /// <param name="atMost">The size the plan expects (a file's size is an upper bound: S3Deploy may store it compressed).</param>
    /// <param name="version">The source's version on a versioned bucket; null: the current one.</param>
    public async Task<long?> OversizedAsync(string sourceKey, string? version, long atMost, CancellationToken ct)
    {
        if (atMost <= maxCopySize)
        {
            return null;
        }

        var request = new GetObjectMetadataRequest { BucketName = target.Bucket, Key = sourceKey, VersionId = version };
        var head = await S3Errors.Call(() => s3.GetObjectMetadataAsync(request, ct), target.Bucket, "s3:GetObject", $"read the size of '{sourceKey}'");
        return head.ContentLength > maxCopySize ? head.ContentLength : null;
    }

    /// <param name="headers">The destination's headers; null keeps none (the history store, whose objects are never served).</param>
    /// <param name="sourceETag">Copy only these bytes (x-amz-copy-source-if-match), or null.</param>
    /// <returns>The new object's ETag, and its version id on a versioned bucket.</returns>
    public async Task<(string ETag, string? VersionId)> CopyAsync(string sourceKey, string? version, string destinationKey, long size, ObjectHeaders? headers, string? sourceETag, CancellationToken ct)
    {
        var start = new InitiateMultipartUploadRequest { BucketName = target.Bucket, Key = destinationKey };
        headers?.ApplyTo(start);
        var upload = await Call(() => s3.InitiateMultipartUploadAsync(start, ct), destinationKey);
        try
        {
            var part = PartSize(size);
            var count = (int)((size + part - 1) / part);
            var etags = new PartETag[count];
            var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct };
            await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, token) =>
            {
                var request = new CopyPartRequest
                {
                    SourceBucket = target.Bucket,
                    SourceKey = sourceKey,
                    SourceVersionId = version,
                    DestinationBucket = target.Bucket,
                    DestinationKey = destinationKey,
                    UploadId = upload.UploadId,
                    PartNumber = i + 1,
                    FirstByte = i * part,
                    LastByte = Math.Min(size, (i + 1) * part) - 1,
                    ETagToMatch = sourceETag is null ? null : [$"\"{sourceETag}\""],
                };
                var copied = await Call(() => s3.CopyPartAsync(request, token), destinationKey);
                etags[i] = new PartETag(i + 1, copied.ETag);
            });
            var complete = new CompleteMultipartUploadRequest { BucketName = target.Bucket, Key = destinationKey, UploadId = upload.UploadId, PartETags = [.. etags] };
            var done = await Call(() => s3.CompleteMultipartUploadAsync(complete, ct), destinationKey);
            return (ETags.Normalize(done.ETag), done.VersionId);
        }
        catch
        {
            await UploadAbort.TryAsync(s3, target, destinationKey, upload.UploadId, observer);
            throw;
        }
    }

    /// <summary>Large parts (the copy happens inside S3, so fewer requests is all that matters), at most 10,000 of them.</summary>
    private long PartSize(long size) => Math.Max(Math.Min(maxCopySize, LargePart), (size + MaxParts - 1) / MaxParts);

    private Task<T> Call<T>(Func<Task<T>> call, string key) =>
        S3Errors.Call(call, target.Bucket, "s3:GetObject and s3:PutObject", $"copy to '{key}'");
}
