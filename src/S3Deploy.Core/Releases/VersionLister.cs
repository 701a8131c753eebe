using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Releases;

/// <summary>
/// The current version ids of keys no release recorded one for (the first release after versioning was turned on): one
/// ListObjectVersions of the prefix, a request per 1000 versions, rather than a HEAD per key.
/// </summary>
internal sealed class VersionLister(IAmazonS3 s3, S3Target target)
{
    public async Task<Dictionary<string, string>> CurrentAsync(IReadOnlySet<string> keys, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new ListVersionsRequest { BucketName = target.Bucket, Prefix = target.KeyPrefix };
        while (true)
        {
            var page = await S3Errors.Call(() => s3.ListVersionsAsync(request, ct), target.Bucket, "s3:ListBucketVersions", "list the prefix's object versions");
            foreach (var v in page.Versions ?? [])
            {
                // Objects written before versioning was turned on have the version id "null", which S3 accepts as one.
                if (v.IsLatest == true && v.IsDeleteMarker != true && v.VersionId is { Length: > 0 } id && v.Key.StartsWith(target.KeyPrefix, StringComparison.Ordinal)
                    && keys.Contains(target.RelativeKey(v.Key)))
                {
                    found[target.RelativeKey(v.Key)] = id;
                }
            }

            if (page.IsTruncated != true || found.Count == keys.Count)
            {
                return found;
            }

            request.KeyMarker = page.NextKeyMarker;
            request.VersionIdMarker = page.NextVersionIdMarker;
        }
    }
}
