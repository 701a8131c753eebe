using Amazon.S3;
using Amazon.S3.Model;

namespace S3Deploy.PackageTests.Infrastructure;

internal static class BucketContents
{
    public const string Manifest = ".s3deploy/manifest.json";

    /// <summary>Every key with its ETag, without what S3Deploy keeps under .s3deploy/ (the manifest, the release history).</summary>
    public static async Task<SortedDictionary<string, string>> ListAsync(IAmazonS3 s3, string bucket)
    {
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            foreach (var o in page.S3Objects ?? [])
            {
                if (!o.Key.StartsWith(".s3deploy/", StringComparison.Ordinal) && !o.Key.Contains("/.s3deploy/", StringComparison.Ordinal))
                {
                    keys[o.Key] = o.ETag;
                }
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return keys;
    }

    public static async Task<(byte[] Bytes, string? ContentEncoding)> GetAsync(IAmazonS3 s3, string bucket, string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return (buffer.ToArray(), response.Headers.ContentEncoding);
    }

    public static SortedSet<string> FilesUnder(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')), StringComparer.Ordinal);
}
