using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace S3Deploy.Core.CloudFront;

/// <summary>
/// AWS Signature Version 4 for plain REST requests. Signs host, content-type and every x-amz-* header, nothing else:
/// HttpClient may still add or change other headers after signing.
/// </summary>
internal static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> payload, ImmutableCredentials credentials, string region, string service, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new ArgumentException("The request needs an absolute URI to be signed.", nameof(request));

        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove("Authorization");
        request.Headers.Remove("X-Amz-Date");
        request.Headers.Remove("X-Amz-Security-Token");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        var headers = SignedHeaders(request, uri);
        var canonical = CanonicalRequest(request.Method.Method, uri.AbsolutePath, uri.Query, headers, Hex(SHA256.HashData(payload)), service);
        var signature = Signature(credentials.SecretKey, amzDate, region, service, canonical);
        var names = string.Join(';', headers.Select(h => h.Key.ToLowerInvariant()).Order(StringComparer.Ordinal));
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"{Algorithm} Credential={credentials.AccessKey}/{Scope(amzDate, region, service)}, SignedHeaders={names}, Signature={signature}");
    }

    /// <summary>
    /// The canonical request from what goes on the wire: <paramref name="path"/> and <paramref name="query"/> exactly as
    /// sent (already percent-encoded), so a server that sees the raw request line computes the same text.
    /// </summary>
    public static string CanonicalRequest(string method, string path, string query, IEnumerable<KeyValuePair<string, string>> headers, string payloadHash, string service)
    {
        var sorted = headers
            .Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), CanonicalValue(h.Value)))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder()
            .Append(method).Append('\n')
            .Append(CanonicalPath(path, service)).Append('\n')
            .Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in sorted)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        return text.Append('\n')
            .Append(string.Join(';', sorted.Select(h => h.Key))).Append('\n')
            .Append(payloadHash)
            .ToString();
    }

    public static string Signature(string secretKey, string amzDate, string region, string service, string canonicalRequest)
    {
        var stringToSign = $"{Algorithm}\n{amzDate}\n{Scope(amzDate, region, service)}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), amzDate[..8]);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string Scope(string amzDate, string region, string service) => $"{amzDate[..8]}/{region}/{service}/aws4_request";

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>RFC 3986 encoding as SigV4 wants it: only unreserved characters stay, hex digits upper case.</summary>
    public static string UriEncode(string value, bool keepSlash)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static List<KeyValuePair<string, string>> SignedHeaders(HttpRequestMessage request, Uri uri)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            KeyValuePair.Create("host", request.Headers.Host ?? uri.Authority),
        };
        foreach (var header in request.Headers.NonValidated)
        {
            if (header.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(KeyValuePair.Create(header.Key, string.Join(',', header.Value)));
            }
        }

        if (request.Content?.Headers.NonValidated.TryGetValues("Content-Type", out var type) == true)
        {
            headers.Add(KeyValuePair.Create("content-type", string.Join(',', type)));
        }

        return headers;
    }

    // Services other than S3 canonicalize the path by encoding the wire path once more (so '%' becomes '%25'): the
    // segments end up encoded twice. S3 takes the wire path as it is.
    private static string CanonicalPath(string path, string service)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        return service == "s3" ? path : UriEncode(path, keepSlash: true);
    }

    private static string CanonicalQuery(string query)
    {
        var trimmed = query.StartsWith('?') ? query[1..] : query;
        if (trimmed.Length == 0)
        {
            return "";
        }

        var pairs = trimmed
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: UriEncode(Uri.UnescapeDataString(p[0]), keepSlash: false), Value: p.Length > 1 ? UriEncode(Uri.UnescapeDataString(p[1]), keepSlash: false) : ""))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    // Trim, and fold runs of spaces into one, as the canonical form requires.
    private static string CanonicalValue(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
