using Amazon.S3;

namespace S3Deploy.Core.Applying;

/// <summary>
/// Whether request bodies may go with UNSIGNED-PAYLOAD instead of a SigV4 hash of every byte. Over HTTPS, TLS already
/// protects the bytes in transit and the Content-MD5 each upload carries makes S3 refuse any body that differs from the one
/// hashed, so the SHA-256 pass (a second read of each part) buys nothing. Over plain HTTP the signature is the only guard
/// against a body altered on the way, and the SDK refuses unsigned payloads there anyway, so those stay signed.
/// </summary>
internal static class PayloadSigning
{
    public static bool CanSkip(IAmazonS3 s3) =>
        s3.Config is { UseHttp: false } config
        && (config.ServiceURL is null || config.ServiceURL.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
