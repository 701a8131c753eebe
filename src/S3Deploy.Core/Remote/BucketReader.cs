using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Headers;

namespace S3Deploy.Core.Remote;

/// <summary>Reads what is in the bucket under the target prefix, the manifest, and (only where needed) headers with HEAD.</summary>
internal sealed class BucketReader(IAmazonS3 s3, S3Target target, IReadOnlyList<KeyRange>? ranges = null)
{
    /// <summary>The source folder's keys, whose strings the listing and the manifest reuse.</summary>
    public KeyPool Keys { get; init; } = KeyPool.Empty;

    public async Task<BucketState> ReadAsync(CancellationToken ct)
    {
        var objects = await new BucketLister(s3, target, ranges ?? [KeyRange.All]) { Keys = Keys }.ListAsync(ct);
        var reserved = objects.Where(o => o.Key.StartsWith(DeployManifest.Folder + "/", StringComparison.Ordinal) && o.Key != DeployManifest.RelativeKey).ToDictionary(StringComparer.Ordinal);
        foreach (var key in reserved.Keys)
        {
            objects.Remove(key);
        }

        if (!objects.Remove(DeployManifest.RelativeKey, out var listed))
        {
            return new BucketState(objects, DeployManifest.Empty, false) { Reserved = reserved };
        }

        var read = await new ManifestReader(s3, target, objects).ReadAsync(ManifestReader.Limit(objects.Keys), ct);
        return new BucketState(objects, read.Manifest ?? DeployManifest.Empty, read.Manifest is not null)
        {
            ManifestLastModified = listed.LastModified,
            Warnings = read.Warning is null ? [] : [read.Warning],
            Reserved = reserved,
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
