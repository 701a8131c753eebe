using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using S3Deploy.Core.CloudFront;

namespace S3Deploy.TestSupport;

/// <summary>The SigV4 check every request passes before it reaches an operation, as strict as the real service.</summary>
internal sealed partial class FakeCloudFront
{
    private Answer? Authenticate(HttpListenerRequest request, byte[] body)
    {
        var match = AuthorizationHeader().Match(request.Headers["Authorization"] ?? "");
        if (!match.Success)
        {
            return Error(403, "IncompleteSignature", "Authorization header requires Credential, SignedHeaders and Signature in AWS4-HMAC-SHA256 form.");
        }

        var (key, date, region, service, signed, signature) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value, match.Groups[5].Value.Split(';'), match.Groups[6].Value);
        if (key != accessKey)
        {
            return Error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }

        var amzDate = request.Headers["X-Amz-Date"] ?? "";
        if (region != Region || service != "cloudfront" || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return Error(403, "SignatureDoesNotMatch", $"Credential should be scoped to a valid region, service and the date of X-Amz-Date ({date}/{region}/{service}).");
        }

        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || (DateTimeOffset.UtcNow - signedAt).Duration() > TimeSpan.FromMinutes(15))
        {
            return Error(403, "RequestExpired", "Signature expired or X-Amz-Date is missing.");
        }

        var amzHeaders = request.Headers.AllKeys.OfType<string>().Where(k => k.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase)).Select(k => k.ToLowerInvariant());
        if (!signed.Contains("host") || amzHeaders.Except(signed).Any())
        {
            return Error(403, "SignatureDoesNotMatch", $"Host and every x-amz-* header must be signed ({string.Join(';', signed)}).");
        }

        if (request.Headers["X-Amz-Security-Token"] != SessionToken)
        {
            return Error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }

        var parts = (request.RawUrl ?? "/").Split('?', 2);
        var canonical = SigV4Signer.CanonicalRequest(
            request.HttpMethod,
            parts[0],
            parts.Length > 1 ? parts[1] : "",
            signed.Select(name => KeyValuePair.Create(name, request.Headers[name] ?? "")),
            SigV4Signer.Hex(SHA256.HashData(body)),
            "cloudfront");
        var expected = SigV4Signer.Signature(secretKey, amzDate, region, service, canonical);
        return expected == signature
            ? null
            : Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();
}
