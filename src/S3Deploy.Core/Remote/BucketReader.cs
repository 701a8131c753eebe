using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;

namespace S3Deploy.Core.Remote;

/// <summary>Reads what is in the bucket under the target prefix, the manifest, and (only where needed) headers with HEAD.</summary>
internal sealed class BucketReader(IAmazonS3 s3, S3Target target)
{
    public async Task<BucketState> ReadAsync(CancellationToken ct)
    {
        var objects = await ListAsync(ct);
        if (!objects.Remove(DeployManifest.RelativeKey, out var listed))
        {
            return new BucketState(objects, DeployManifest.Empty, false);
        }

        var read = await new ManifestReader(s3, target).ReadAsync(ManifestReader.Limit(objects.Keys), ct);
        return new BucketState(objects, read.Manifest ?? DeployManifest.Empty, read.Manifest is not null)
        {
            ManifestLastModified = listed.LastModified,
            Warnings = read.Warning is null ? [] : [read.Warning],
        };
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
        var tokens = new HashSet<string>(StringComparer.Ordinal);
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
                    objects[key] = new RemoteObject(key, o.Size ?? 0, ETags.Normalize(o.ETag), S3Times.From(o.LastModified));
                }
            }

            request.ContinuationToken = NextToken(page, tokens);
        }
        while (request.ContinuationToken is not null);

        return objects;
    }

    /// <summary>
    /// The token of the next page, or null after the last. A server that hands out a token it gave before would be listed
    /// forever, and one that says "truncated" without a token would hide the rest of the bucket (and its stale objects):
    /// both stop the deploy before anything changes.
    /// </summary>
    private string? NextToken(ListObjectsV2Response page, HashSet<string> seen)
    {
        if (page.IsTruncated != true)
        {
            return null;
        }

        var token = page.NextContinuationToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new DeployException(DiagnosticCode.ListingWithoutToken, FailureKind.Service, $"The listing of s3://{target.Bucket}/{target.KeyPrefix} says there are more objects (IsTruncated) but gives no continuation token, so the rest of the bucket cannot be read. Nothing was changed. Check --endpoint-url: this S3-compatible service does not list as S3 does.");
        }

        if (!seen.Add(token))
        {
            throw new DeployException(DiagnosticCode.ListingLoops, FailureKind.Service, $"The listing of s3://{target.Bucket}/{target.KeyPrefix} returned a continuation token it had already returned ({seen.Count} pages in), so it would never end. Nothing was changed. Check --endpoint-url: this S3-compatible service does not list as S3 does.");
        }

        return token;
    }

    internal static ObjectHeaders HeadersOf(GetObjectMetadataResponse head)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in head.Metadata.Keys)
        {
            var plain = name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name[11..] : name;
            metadata[plain.ToLowerInvariant()] = MetadataEncoding.Decode(head.Metadata[name]);
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

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
