using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>
/// The multipart uploads open on the server behind the fault proxy. s3rver neither aborts (405) nor lists them; S3 does
/// both (AbortMultipartUpload: DELETE /bucket/key?uploadId=X, 204; ListMultipartUploads: GET /bucket?uploads), so the proxy
/// answers those two from this ledger, filled from the initiations and completions s3rver did answer.
/// </summary>
internal sealed partial class MultipartLedger
{
    private readonly ConcurrentDictionary<string, string> open = new(StringComparer.Ordinal);

    /// <summary>Key and upload id of every upload initiated and neither completed nor aborted.</summary>
    public IReadOnlyList<(string Key, string UploadId)> Open => [.. open.Select(u => (u.Value, u.Key))];

    public void Started(string key, byte[] response)
    {
        if (UploadIdElement().Match(Encoding.UTF8.GetString(response)) is { Success: true } match)
        {
            open[match.Groups[1].Value] = key;
        }
    }

    public void Ended(string query)
    {
        if (UploadIdOf(query) is { } id)
        {
            open.TryRemove(id, out _);
        }
    }

    public static bool IsListing(ProxyRequest request) =>
        request is { Operation: S3Operation.List } && request.Query.Split('&').Any(p => p == "uploads" || p.StartsWith("uploads=", StringComparison.Ordinal));

    public static byte[] Aborted() => Response("204 No Content", []);

    public byte[] Listing(string bucket)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListMultipartUploadsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
            .Append(CultureInfo.InvariantCulture, $"<Bucket>{SecurityElement.Escape(bucket)}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>");
        foreach (var (key, id) in Open)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Upload><Key>{SecurityElement.Escape(key)}</Key><UploadId>{id}</UploadId><Initiated>{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}</Initiated><StorageClass>STANDARD</StorageClass></Upload>");
        }

        return Response("200 OK", Encoding.UTF8.GetBytes(xml.Append("</ListMultipartUploadsResult>").ToString()));
    }

    private static string? UploadIdOf(string query) =>
        query.Split('&').Where(p => p.StartsWith("uploadId=", StringComparison.Ordinal)).Select(p => Uri.UnescapeDataString(p["uploadId=".Length..])).FirstOrDefault();

    private static byte[] Response(string status, byte[] body)
    {
        var head = $"HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nx-amz-request-id: FAULTPROXY\r\nDate: {DateTimeOffset.UtcNow:R}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    [GeneratedRegex("<UploadId>([^<]+)</UploadId>")]
    private static partial Regex UploadIdElement();
}
