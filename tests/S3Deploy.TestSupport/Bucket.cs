using Amazon.S3;
using Amazon.S3.Model;

namespace S3Deploy.TestSupport;

/// <summary>Reads a bucket back the plain way, independent of the deployer's own code paths.</summary>
public sealed class Bucket(IAmazonS3 s3, string name, string endpoint) : IDisposable
{
    public string Name { get; } = name;

    public async Task<Dictionary<string, string>> ListAsync(string prefix = "")
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = Name, Prefix = prefix };
        do
        {
            var page = await s3.ListObjectsV2Async(request);
            foreach (var o in page.S3Objects ?? [])
            {
                result[o.Key] = o.ETag.Trim('"');
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return result;
    }

    /// <summary>Every key under <paramref name="prefix"/> with its ETag and size, as the listing gives them.</summary>
    public async Task<Dictionary<string, (string ETag, long Size)>> ListSizesAsync(string prefix = "")
    {
        var result = new Dictionary<string, (string ETag, long Size)>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = Name, Prefix = prefix };
        do
        {
            var page = await s3.ListObjectsV2Async(request);
            foreach (var o in page.S3Objects ?? [])
            {
                result[o.Key] = (o.ETag.Trim('"'), o.Size ?? 0);
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return result;
    }

    public async Task<byte[]> GetAsync(string key)
    {
        using var response = await s3.GetObjectAsync(Name, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public Task<GetObjectMetadataResponse> HeadAsync(string key) => s3.GetObjectMetadataAsync(Name, key);

    /// <summary>
    /// A header exactly as the server sent it; the SDK's HTTP stack re-orders Cache-Control directives. Presigned, because
    /// moto, like S3, refuses anonymous reads of a private bucket.
    /// </summary>
    public async Task<string?> RawHeaderAsync(string key, string header)
    {
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = Name, Key = key, Verb = HttpVerb.HEAD, Expires = DateTime.UtcNow.AddMinutes(10), Protocol = Protocol.HTTP });
        using var http = new HttpClient();
        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        response.EnsureSuccessStatusCode();
        return response.Headers.NonValidated.TryGetValues(header, out var values) || response.Content.Headers.NonValidated.TryGetValues(header, out values)
            ? values.ToString()
            : null;
    }

    /// <summary>The object's plain path-style address, as an anonymous client would ask for it.</summary>
    public string ObjectUrl(string key) => $"{endpoint}/{Name}/{Uri.EscapeDataString(key).Replace("%2F", "/", StringComparison.Ordinal)}";

    public Task PutAsync(string key, string text, string contentType = "text/plain") =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = key, ContentBody = text, ContentType = contentType, UseChunkEncoding = false });

    public void Dispose() => s3.Dispose();
}
