using S3Deploy.Core.Scanning;

namespace S3Deploy.Core.Headers;

/// <summary>Content-Type by extension; entry documents revalidate on every request, other files are cached for an hour.</summary>
public sealed class DefaultHeaderPolicy(IContentTypeResolver contentTypes, string? cacheControl = null) : IHeaderPolicy
{
    public const string EntryCacheControl = "public, max-age=0, must-revalidate";
    public const string AssetCacheControl = "public, max-age=3600";

    public ObjectHeaders HeadersFor(LocalFile file) =>
        new(contentTypes.ContentTypeFor(file.RelativeKey), cacheControl ?? (IsEntryDocument(file) ? EntryCacheControl : AssetCacheControl));

    public bool IsEntryDocument(LocalFile file) =>
        file.RelativeKey.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || file.RelativeKey.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
}
