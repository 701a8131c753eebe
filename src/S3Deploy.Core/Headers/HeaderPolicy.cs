using S3Deploy.Core.Scanning;

namespace S3Deploy.Core.Headers;

/// <summary>Decides, per file, its headers, its phase and whether to compress it: MIME table, then rules in order, then cache defaults.</summary>
internal sealed class HeaderPolicy(HeaderSettings settings, IContentTypeResolver contentTypes)
{
    private readonly SharedHeaders shared = new();

    /// <param name="precompressed">The encoding of the bytes when they come from a precompressed sibling (X.br for X).</param>
    public HeaderDecision Describe(LocalFile file, Compression precompressed = Compression.None)
    {
        var key = file.RelativeKey;
        var headers = new ObjectHeaders(contentTypes.ContentTypeFor(key))
        {
            ServerSideEncryption = settings.ServerSideEncryption,
            SseKmsKeyId = settings.SseKmsKeyId,
            StorageClass = settings.StorageClass,
        };
        var entry = IsHtml(key);
        var compress = Compression.None;
        foreach (var rule in settings.Rules.Where(r => r.Match.IsMatch(key)))
        {
            headers = Apply(rule, headers);
            entry = rule.Entry ?? entry;
            compress = rule.Compress ?? compress;
        }

        if (precompressed != Compression.None)
        {
            compress = Compression.None;
            headers = headers with { ContentEncoding = Encodings.ContentEncoding(precompressed) };
        }
        else if (compress != Compression.None)
        {
            headers = headers with { ContentEncoding = Encodings.ContentEncoding(compress) };
        }

        headers = headers with { CacheControl = headers.CacheControl ?? settings.CacheControl ?? DefaultCacheControl(key, entry) };
        return new HeaderDecision(shared.Share(headers), entry, compress);
    }

    /// <summary>A zero-byte page whose only job is x-amz-website-redirect-location; deployed with the pages.</summary>
    public HeaderDecision DescribeRedirect(string location) => new(
        new ObjectHeaders("text/html; charset=utf-8", CacheDefaults.Entry)
        {
            ServerSideEncryption = settings.ServerSideEncryption,
            SseKmsKeyId = settings.SseKmsKeyId,
            StorageClass = settings.StorageClass,
            RedirectLocation = location,
        },
        IsEntryDocument: true);

    private static ObjectHeaders Apply(HeaderRule rule, ObjectHeaders headers)
    {
        var metadata = headers.UserMetadata.ToDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in rule.Metadata ?? new Dictionary<string, string>())
        {
            metadata[name.ToLowerInvariant()] = value;
        }

        return headers with
        {
            ContentType = rule.ContentType ?? headers.ContentType,
            CacheControl = rule.CacheControl ?? headers.CacheControl,
            ContentEncoding = rule.ContentEncoding ?? headers.ContentEncoding,
            ContentDisposition = rule.ContentDisposition is { } disposition ? DispositionEncoding.Encode(disposition) ?? disposition : headers.ContentDisposition,
            Metadata = metadata.Count == 0 ? null : metadata,
            ServerSideEncryption = rule.ServerSideEncryption ?? headers.ServerSideEncryption,
            SseKmsKeyId = rule.SseKmsKeyId ?? headers.SseKmsKeyId,
            StorageClass = rule.StorageClass ?? headers.StorageClass,
        };
    }

    private static string DefaultCacheControl(string key, bool entry) =>
        entry ? CacheDefaults.Entry : FingerprintDetector.IsFingerprinted(key) ? CacheDefaults.Fingerprinted : CacheDefaults.Other;

    private static bool IsHtml(string key) =>
        key.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
}
