namespace S3Deploy.Core.Headers;

/// <summary>
/// What a configured redirect may name. Its path becomes an object key under the prefix, so it must not climb out of
/// the prefix ('..'), take an empty or '.' segment, or land on what S3Deploy owns (.s3deploy/). Its location becomes the
/// x-amz-website-redirect-location header, which S3 accepts only as '/…', 'http://…' or 'https://…'.
/// </summary>
internal static class RedirectPaths
{
    /// <summary>Null when the path can be a redirect; else why not.</summary>
    public static string? PathProblem(string path, string toolFolder)
    {
        if (!path.StartsWith('/'))
        {
            return $"the path '{HeaderValues.Printable(path)}' must start with '/'";
        }

        if (HeaderValues.ControlProblem(path) is { } control)
        {
            return $"the path '{HeaderValues.Printable(path)}' is not valid: {control}";
        }

        // A trailing '/' names the folder's index document, so only the segments before it count.
        var segments = path[1..].Split('/');
        var inner = path.EndsWith('/') ? segments[..^1] : segments;
        if (path.Length > 1 && inner.Any(s => s is "" or "." or ".."))
        {
            return $"the path '{path}' has an empty, '.' or '..' segment; give the plain path the page is served at, such as '/old/page.html'";
        }

        return inner.Length > 0 && inner[0].Equals(toolFolder, StringComparison.OrdinalIgnoreCase)
            ? $"the path '{path}' is inside {toolFolder}/, which S3Deploy keeps its deploy manifest in"
            : null;
    }

    /// <summary>Null when S3 can serve the location; control characters and non-ASCII are header problems, checked apart.</summary>
    public static string? LocationProblem(string location)
    {
        if (location.StartsWith("//", StringComparison.Ordinal))
        {
            return $"the location '{location}' starts with '//', which browsers read as another host; write 'https://host/…' for another site, or '/path' for this one";
        }

        if (location.StartsWith('/'))
        {
            return location.Contains(' ', StringComparison.Ordinal) ? $"the location '{location}' contains a space; write it as %20" : null;
        }

        var absolute = location.StartsWith("http://", StringComparison.Ordinal) || location.StartsWith("https://", StringComparison.Ordinal);
        return absolute && Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && !location.Contains(' ', StringComparison.Ordinal)
            ? null
            : $"the location '{location}' must start with '/', 'http://' or 'https://' (as S3 requires) and be a URL without spaces";
    }
}
