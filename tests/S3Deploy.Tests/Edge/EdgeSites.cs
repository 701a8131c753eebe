using S3Deploy.Core.Edge;

namespace S3Deploy.Tests.Edge;

/// <summary>The sites the function tables run against: one key set behind several origins.</summary>
internal static class EdgeSites
{
    private static readonly string[] Keys =
    [
        "index.html", "index.html.br", "index.html.gz", "about.html", "docs/index.html", "docs/guide.html",
        "my docs/index.html", "café/index.html", "LICENSE", "_framework/app.wasm", "_framework/app.wasm.br",
        "_framework/app.wasm.gz", "_framework/only.js", "_framework/only.js.br",
    ];

    private static readonly Dictionary<string, string> Redirects = new()
    {
        ["/old.html"] = "/about.html",
        ["/moved/"] = "https://example.com/new#top",
        ["/go"] = "/about.html?ref=old",
        ["/to-file.html"] = "/docs/guide.html",
    };

    public static readonly IReadOnlyDictionary<string, EdgeSite> All = new Dictionary<string, EdgeSite>
    {
        ["plain"] = Site(Keys, spa: false, ViewerPaths.Root),
        ["spa"] = Site(Keys, spa: true, ViewerPaths.Root),
        // The prefix is the origin path: viewers see the site at the root.
        ["origin"] = Site(Keys, spa: true, new ViewerPaths("site/", "/site")),
        // The origin serves the bucket's root, so viewers see the prefix in the path.
        ["deeper"] = Site(Keys, spa: true, new ViewerPaths("site/", "")),
        // The Blazor sample's published wwwroot: fingerprinted _framework files with .br and .gz siblings, SPA routes.
        ["blazor"] = Site(
            ["index.html", "favicon.png", "css/app.css", "_framework/blazor.webassembly.66stpxr9ba.js", "_framework/blazor.webassembly.66stpxr9ba.js.br",
             "_framework/blazor.webassembly.66stpxr9ba.js.gz", "_framework/dotnet.native.k2qvlbbm8o.wasm", "_framework/dotnet.native.k2qvlbbm8o.wasm.br",
             "_framework/dotnet.native.k2qvlbbm8o.wasm.gz", "_framework/BlazorApp.3x5nqp2j7o.wasm", "_framework/BlazorApp.3x5nqp2j7o.wasm.br", "_framework/BlazorApp.3x5nqp2j7o.wasm.gz"],
            spa: true,
            ViewerPaths.Root),
        // The origin serves only v2/ of the deployed tree: the rest is out of reach, and so is the SPA root.
        ["cut"] = Site(["index.html", "v2/index.html", "v2/a/index.html", "other/index.html"], spa: true, new ViewerPaths("", "/v2/")),
    };

    public static EdgeSite Site(IReadOnlyCollection<string> keys, bool spa, ViewerPaths paths, bool negotiate = true) =>
        new(keys, Redirects, "index.html", spa, negotiate, paths);
}
