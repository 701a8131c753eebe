using System.Security.Cryptography;
using System.Text;

namespace S3Deploy.Core.Headers;

/// <summary>The headers S3Deploy sets on an object. Metadata names are lower case and without the x-amz-meta- prefix.</summary>
public sealed record ObjectHeaders(
    string ContentType,
    string? CacheControl = null,
    string? ContentEncoding = null,
    string? ContentDisposition = null,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    public IReadOnlyDictionary<string, string> UserMetadata => Metadata ?? EmptyMetadata;

    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();

    /// <summary>
    /// A short stable hash of every header value; the manifest stores it so the steady state needs no HEAD per object.
    /// Absent and empty values are the same thing to S3, so they hash the same.
    /// </summary>
    public string Fingerprint()
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

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
