using System.Globalization;
using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>
/// Reads the deploy manifest without trusting the server: at most as many bytes as the listed keys can justify, parsed as
/// it streams in, and checked against its ETag. A manifest that is too large or not valid is set aside with a warning,
/// and the deploy checks headers with HEAD requests instead, as it does when there is none.
/// </summary>
internal sealed class ManifestReader(IAmazonS3 s3, S3Target target, Dictionary<string, RemoteObject>? listed = null)
{
    /// <summary>Room for the document's own fields and a few entries, whatever the keys.</summary>
    internal const long BaseBytes = 64 * 1024;

    /// <summary>Room per entry beside its key: content id, size, ETag (up to 256 characters, escaped), header fingerprint, time.</summary>
    internal const long BytesPerEntry = 2048;

    private const int Attempts = 3;

    /// <summary>
    /// The most a manifest of these keys can take: each key at most twice (an entry and a stale record), each byte of it
    /// escaped as \uXXXX at worst.
    /// </summary>
    public static long Limit(IEnumerable<string> listedKeys) =>
        BaseBytes + listedKeys.Sum(k => (2 * 6 * (long)Encoding.UTF8.GetByteCount(k)) + BytesPerEntry);

    public Task<ManifestRead> ReadAsync(long limit, CancellationToken ct) =>
        S3Errors.Call(
            async () =>
            {
                // The body is read outside the SDK, so a connection that breaks or times out mid-body is retried here.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return await ReadOnceAsync(limit, ct);
                    }
                    catch (IOException) when (attempt < Attempts && !ct.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
                    }
                }
            },
            target.Bucket,
            "s3:GetObject",
            "read the deploy manifest");

    private async Task<ManifestRead> ReadOnceAsync(long limit, CancellationToken ct)
    {
        // The range also keeps the SDK from checking the body against an ETag it cannot parse (a weak one from a gateway):
        // the check is done here instead, tolerantly.
        var request = new GetObjectRequest { BucketName = target.Bucket, Key = target.KeyFor(DeployManifest.RelativeKey), ByteRange = new ByteRange(0, limit) };
        GetObjectResponse response;
        try
        {
            response = await s3.GetObjectAsync(request, ct);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Listed a moment ago and gone now: another deploy is running; plan as if there were none.
            return ManifestRead.Missing;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            return Invalid("it is empty");
        }

        using (response)
        {
            return await ParseAsync(response, limit, ct);
        }
    }

    private async Task<ManifestRead> ParseAsync(GetObjectResponse response, long limit, CancellationToken ct)
    {
        if (TotalSize(response) is { } total && total > limit)
        {
            return TooLarge(limit);
        }

        await using var body = new BoundedStream(response.ResponseStream, limit);
        DeployManifest? manifest;
        try
        {
            manifest = await DeployManifest.FromJsonAsync(body, ct, listed);
        }
        catch (BodyTooLargeException)
        {
            return TooLarge(limit);
        }

        if (manifest is null)
        {
            return Invalid("it is not a manifest this version of S3Deploy reads");
        }

        var etag = ETags.Normalize(response.ETag);
        var kms = response.ServerSideEncryptionMethod?.Value?.StartsWith("aws:kms", StringComparison.Ordinal) == true;
        if (!kms && RemoteObject.IsMd5Form(etag) && etag != body.Md5Hex())
        {
            return Invalid("its bytes do not match its ETag");
        }

        return new ManifestRead(manifest, null);
    }

    /// <summary>The whole object's size from "Content-Range: bytes 0-N/TOTAL" (or the length of a plain answer), when the server says.</summary>
    private static long? TotalSize(GetObjectResponse response)
    {
        var range = response.ContentRange;
        if (string.IsNullOrEmpty(range))
        {
            return response.ContentLength > 0 ? response.ContentLength : null;
        }

        var slash = range.LastIndexOf('/');
        return slash >= 0 && long.TryParse(range.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total) ? total : null;
    }

    private static ManifestRead TooLarge(long limit) => new(null, Diagnostic.Warning(DiagnosticCode.ManifestTooLarge, $"The deploy manifest ({DeployManifest.RelativeKey}) is larger than the objects listed can justify ({limit:N0} bytes), so it was not read; headers are checked with HEAD requests instead, and the deploy writes a new manifest."));

    private static ManifestRead Invalid(string why) => new(null, Diagnostic.Warning(DiagnosticCode.ManifestInvalid, $"The deploy manifest ({DeployManifest.RelativeKey}) was set aside because {why}; headers are checked with HEAD requests instead, and the deploy writes a new manifest."));
}
