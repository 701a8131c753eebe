using S3Deploy.TestSupport;

namespace S3Deploy.IntegrationTests.Infrastructure;

internal static class Snapshots
{
    /// <summary>Every site object's bytes and headers, read with the SDK (not the deployer's code).</summary>
    public static async Task<Dictionary<string, string>> TakeAsync(Bucket bucket)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in (await bucket.ListAsync()).Keys.Where(k => !k.StartsWith(".s3deploy/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var head = await bucket.HeadAsync(key);
            var body = System.Text.Encoding.UTF8.GetString(await bucket.GetAsync(key));
            result[key] = $"{body}|{head.Headers.ContentType}|{head.Headers.CacheControl}|{head.Headers.ContentEncoding}|{head.Headers.ContentDisposition}";
        }

        return result;
    }
}
