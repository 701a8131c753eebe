using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Headers;

namespace S3Deploy.Core.Remote;

/// <summary>Reads what is in the bucket under the target prefix, the manifest, and (only where needed) headers with HEAD.</summary>
internal sealed class BucketReader(IAmazonS3 s3, S3Target target)
{
    public async Task<BucketState> ReadAsync(CancellationToken ct)
    {
        var objects = await ListAsync(ct);
        var manifestKey = DeployManifest.RelativeKey;
        var found = objects.Remove(manifestKey);
        var manifest = found ? await ReadManifestAsync(ct) : null;
        return new BucketState(objects, manifest ?? DeployManifest.Empty, manifest is not null);
    }

    public async Task<IReadOnlyDictionary<string, ObjectHeaders>> ProbeHeadersAsync(IReadOnlyList<string> keys, int concurrency, CancellationToken ct)
    {
        var result = new System.Collections.Concurrent.ConcurrentDictionary<string, ObjectHeaders>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(keys, options, async (key, token) =>
        {
            var head = await S3Errors.Call(
                () => s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = target.Bucket, Key = target.KeyFor(key) }, token),
                target.Bucket,
                "s3:GetObject",
                $"read the headers of '{key}'");
            result[key] = HeadersOf(head);
        });
        return result;
    }

    private async Task<Dictionary<string, RemoteObject>> ListAsync(CancellationToken ct)
    {
        var objects = new Dictionary<string, RemoteObject>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = target.Bucket, Prefix = target.KeyPrefix };
        do
        {
            var page = await S3Errors.Call(() => s3.ListObjectsV2Async(request, ct), target.Bucket, "s3:ListBucket", "list the objects");
            if (page.Name is null)
            {
                // Every ListBucketResult names its bucket; a 200 without one came from some other web server.
                throw S3Errors.NotS3("list the objects", "no ListBucketResult in the answer");
            }

            foreach (var o in page.S3Objects ?? [])
            {
                // The prefix ends with '/', so 'site' never lists 'site2/…'; the check guards servers that ignore it.
                if (o.Key.StartsWith(target.KeyPrefix, StringComparison.Ordinal))
                {
                    var key = target.RelativeKey(o.Key);
                    objects[key] = new RemoteObject(key, o.Size ?? 0, NormalizeETag(o.ETag));
                }
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return objects;
    }

    private async Task<DeployManifest?> ReadManifestAsync(CancellationToken ct)
    {
        using var response = await S3Errors.Call(
            async () =>
            {
                try
                {
                    return await s3.GetObjectAsync(target.Bucket, target.KeyFor(DeployManifest.RelativeKey), ct);
                }
                catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
                {
                    // Listed a moment ago and gone now: another deploy is running; plan as if there were none.
                    return null;
                }
            },
            target.Bucket,
            "s3:GetObject",
            "read the deploy manifest");
        if (response is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, ct);
        return DeployManifest.FromJson(buffer.ToArray());
    }

    internal static ObjectHeaders HeadersOf(GetObjectMetadataResponse head)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in head.Metadata.Keys)
        {
            var plain = name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name[11..] : name;
            metadata[plain.ToLowerInvariant()] = head.Metadata[name];
        }

        return new ObjectHeaders(
            head.Headers.ContentType ?? "",
            Blank(head.Headers.CacheControl),
            Blank(head.Headers.ContentEncoding),
            Blank(head.Headers.ContentDisposition),
            metadata)
        {
            ServerSideEncryption = Blank(head.ServerSideEncryptionMethod?.Value),
            SseKmsKeyId = Blank(head.ServerSideEncryptionKeyManagementServiceKeyId),
            StorageClass = Blank(head.StorageClass?.Value),
            RedirectLocation = Blank(head.WebsiteRedirectLocation),
        };
    }

    internal static string NormalizeETag(string? etag) => (etag ?? "").Trim('"').ToLowerInvariant();

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
