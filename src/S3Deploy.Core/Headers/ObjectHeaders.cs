using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace S3Deploy.Core.Headers;

/// <summary>
/// Everything S3Deploy sets on an object besides its bytes; changing any of it is a header update (a copy onto itself),
/// never a re-upload. Metadata names are lower case and without the x-amz-meta- prefix.
/// </summary>
public sealed record ObjectHeaders(
    string ContentType,
    string? CacheControl = null,
    string? ContentEncoding = null,
    string? ContentDisposition = null,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();

    // Kept beside the record, not in it, so equality stays a comparison of header values. Files share their headers
    // (HeaderPolicy), so the planner and the manifest hash each distinct set once, and share the one string.
    private static readonly ConditionalWeakTable<ObjectHeaders, string> Fingerprints = new();

    public IReadOnlyDictionary<string, string> UserMetadata => Metadata ?? EmptyMetadata;

    /// <summary><c>AES256</c> or <c>aws:kms</c>; null leaves the bucket's default encryption in charge.</summary>
    public string? ServerSideEncryption { get; init; }

    public string? SseKmsKeyId { get; init; }

    /// <summary>Null means STANDARD, which S3 does not report.</summary>
    public string? StorageClass { get; init; }

    /// <summary>x-amz-website-redirect-location: set on the zero-byte objects that implement configured redirects.</summary>
    public string? RedirectLocation { get; init; }

    /// <summary>
    /// A short stable hash of every header value; the manifest stores it so the steady state needs no HEAD per object.
    /// Absent and empty values are the same thing to S3, so they hash the same.
    /// </summary>
    public string Fingerprint() => Fingerprints.GetValue(this, static h => h.ComputeFingerprint());

    private string ComputeFingerprint()
    {
        var text = new StringBuilder()
            .Append("content-type:").Append(ContentType).Append('\n')
            .Append("cache-control:").Append(CacheControl).Append('\n')
            .Append("content-encoding:").Append(ContentEncoding).Append('\n')
            .Append("content-disposition:").Append(ContentDisposition).Append('\n');

        // S3 hands metadata names back in lower case, so they are compared that way.
        foreach (var (name, value) in UserMetadata.Select(m => (Name: m.Key.ToLowerInvariant(), m.Value)).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            text.Append("meta-").Append(name).Append(':').Append(value).Append('\n');
        }

        // Written only when set, so adding these fields did not change the fingerprint of objects that have none.
        AppendIfSet(text, "sse", ServerSideEncryption);
        AppendIfSet(text, "sse-kms-key-id", SseKmsKeyId);
        AppendIfSet(text, "storage-class", StorageClass);
        AppendIfSet(text, "redirect", RedirectLocation);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>
    /// What S3 reports, seen through what this deploy asks for: encryption the bucket applies by default is not a
    /// difference when the deploy does not ask for any, and STANDARD is the same as no storage class.
    /// </summary>
    public ObjectHeaders AsComparedWith(ObjectHeaders desired) => this with
    {
        // HTTP stacks re-serialize Cache-Control in their own order; the same directives are the same header.
        CacheControl = SameDirectives(CacheControl, desired.CacheControl) ? desired.CacheControl : CacheControl,
        ServerSideEncryption = desired.ServerSideEncryption is null ? null : ServerSideEncryption,
        SseKmsKeyId = desired.SseKmsKeyId is null ? null : SseKmsKeyId,
        StorageClass = (StorageClass ?? "STANDARD") == (desired.StorageClass ?? "STANDARD") ? desired.StorageClass : StorageClass,
    };

    private static bool SameDirectives(string? a, string? b) => Directives(a).SetEquals(Directives(b));

    private static HashSet<string> Directives(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(d => d.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private static void AppendIfSet(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }
    }
}
