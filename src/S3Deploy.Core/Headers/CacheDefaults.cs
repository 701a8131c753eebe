namespace S3Deploy.Core.Headers;

/// <summary>Cache-Control for files no rule gives one.</summary>
internal static class CacheDefaults
{
    /// <summary>A content hash in the name means a new name for new bytes, so the old one can be cached forever.</summary>
    public const string Fingerprinted = "public, max-age=31536000, immutable";

    /// <summary>Pages must be revalidated so a deploy shows at once and never points at assets that are gone.</summary>
    public const string Entry = "public, max-age=0, must-revalidate";

    /// <summary>Short, because an unhashed name keeps its name when its bytes change.</summary>
    public const string Other = "public, max-age=300";
}
