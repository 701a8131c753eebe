namespace S3Deploy.Core.Edge;

/// <summary>
/// What the function answers, in viewer paths: redirects (by the object path that stands for them), folders that have
/// an index document, extensionless files (which are neither folders nor SPA routes), negotiated files, and the SPA root.
/// </summary>
internal sealed record EdgeRoutes(
    string Index,
    string? SpaRoot,
    IReadOnlyDictionary<string, string> Redirects,
    IReadOnlyList<string> Folders,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Negotiated)
{
    public static EdgeRoutes From(EdgeSite site)
    {
        var keys = site.Keys.ToHashSet(StringComparer.Ordinal);
        var folders = keys.Where(k => k == site.Index || k.EndsWith("/" + site.Index, StringComparison.Ordinal))
            .Select(k => site.Paths.Of(k[..^site.Index.Length]));
        var files = keys.Where(k => !LastSegment(k).Contains('.', StringComparison.Ordinal)).Select(site.Paths.Of);
        var negotiated = site.Negotiate
            ? keys.Where(k => keys.Contains(k + ".br") && keys.Contains(k + ".gz")).Select(site.Paths.Of)
            : [];
        var redirects = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in site.Redirects)
        {
            if (site.Paths.Of(RedirectKey(from, site.Index)) is { } path)
            {
                redirects[path] = to;
            }
        }

        return new EdgeRoutes(site.Index, site.Spa ? site.Paths.SiteRoot : null, redirects, Sorted(folders), Sorted(files), Sorted(negotiated));
    }

    /// <summary>One line per route, sorted, so two versions of a function can be compared route by route.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        lines.AddRange(Redirects.Select(r => $"redirect {r.Key} → {r.Value}"));
        lines.AddRange(Folders.Select(f => $"index {f}"));
        lines.AddRange(Negotiated.Select(n => $"negotiate {n}"));
        if (SpaRoot is not null)
        {
            lines.Add($"spa {SpaRoot}");
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }

    // The object a redirect path stands for, as the deploy writes it: '/docs/' is 'docs/index.html'.
    private static string RedirectKey(string path, string index)
    {
        var key = path.TrimStart('/');
        return key.Length == 0 || key.EndsWith('/') ? key + index : key;
    }

    private static string LastSegment(string key) => key[(key.LastIndexOf('/') + 1)..];

    private static List<string> Sorted(IEnumerable<string?> paths) =>
        paths.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
