namespace S3Deploy.Core.Remote;

/// <summary>
/// ETags as servers send them: S3 quotes them, gateways and proxies may weaken them (W/"…"), other services invent their
/// own opaque tokens. A token is only ever compared for equality, so any sane one is kept; an empty or garbled one is
/// unknown (""), which no comparison trusts: the object is then checked with HEAD or uploaded again.
/// </summary>
internal static class ETags
{
    public const string Unknown = "";

    /// <summary>S3's longest is 32 hex digits plus "-10000"; the manifest's size limit counts on no more than this.</summary>
    private const int MaxLength = 256;

    public static string Normalize(string? raw)
    {
        var etag = (raw ?? "").Trim();
        if (etag.StartsWith("W/", StringComparison.OrdinalIgnoreCase))
        {
            etag = etag[2..].TrimStart();
        }

        etag = etag.Replace("&quot;", "\"", StringComparison.Ordinal).Trim('"').ToLowerInvariant();
        return etag.Length is > 0 and <= MaxLength && etag.All(c => c is > ' ' and < '\x7f' and not '"') ? etag : Unknown;
    }
}
