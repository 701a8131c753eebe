namespace S3Deploy.Core.Edge;

/// <summary>
/// Where a deployed key appears to viewers. CloudFront puts the origin's path in front of the viewer's URI, so the key
/// 'site/docs/a.html' is '/docs/a.html' behind an origin path of '/site', and '/site/docs/a.html' behind none.
/// </summary>
internal sealed class ViewerPaths(string keyPrefix, string originPath)
{
    private readonly string origin = originPath.Trim('/') is { Length: > 0 } trimmed ? trimmed + "/" : "";

    public static readonly ViewerPaths Root = new("", "");

    /// <summary>The viewer path of a key relative to the deploy prefix; null when the origin cannot reach it.</summary>
    public string? Of(string relativeKey)
    {
        var key = keyPrefix + relativeKey;
        return key.StartsWith(origin, StringComparison.Ordinal) ? "/" + key[origin.Length..] : null;
    }

    /// <summary>The viewer path of the site's root folder ('/' or '/site/'); null when the origin serves only part of it.</summary>
    public string? SiteRoot => Of("");
}
