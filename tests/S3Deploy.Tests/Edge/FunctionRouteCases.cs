namespace S3Deploy.Tests.Edge;

/// <summary>Request → expected answer, per site of <see cref="EdgeSites"/>: "uri X" when the request goes on as X, "301 L" for a redirect.</summary>
internal static class FunctionRouteCases
{
    private const string All3 = "gzip, deflate, br";

    public static readonly (string Site, string Uri, string Query, string AcceptEncoding, string Expected)[] All =
    [
        // Index documents: a folder with a slash is served its index; without one it is redirected to the slash, as S3's website endpoint does.
        ("plain", "/", "", "", "uri /index.html"),
        ("plain", "/docs/", "", "", "uri /docs/index.html"),
        ("plain", "/docs", "", "", "302 /docs/"),
        ("plain", "/docs", "x=1", "", "302 /docs/?x=1"),
        ("plain", "/docs/guide.html", "", "", "uri /docs/guide.html"),
        ("plain", "/nope/", "", "", "uri /nope/"),
        ("plain", "/unknown", "", "", "uri /unknown"),
        ("plain", "/LICENSE", "", "", "uri /LICENSE"),
        // Encoded characters are matched decoded and passed on as the viewer encoded them.
        ("plain", "/my%20docs/", "", "", "uri /my%20docs/index.html"),
        ("plain", "/my%20docs", "", "", "302 /my%20docs/"),
        ("plain", "/caf%C3%A9/", "", "", "uri /caf%C3%A9/index.html"),
        ("plain", "/bad%E0%A4%A", "", "", "uri /bad%E0%A4%A"),
        // Redirects: 301 with the query string kept (after a query the location has, before its fragment).
        ("plain", "/old.html", "", "", "301 /about.html"),
        ("plain", "/old.html", "utm=a&b=1&b=2", "", "301 /about.html?utm=a&b=1&b=2"),
        ("plain", "/moved/", "a=1", "", "301 https://example.com/new?a=1#top"),
        ("plain", "/moved", "", "", "301 https://example.com/new#top"),
        ("plain", "/moved/index.html", "", "", "301 https://example.com/new#top"),
        ("plain", "/go", "x=2", "", "301 /about.html?ref=old&x=2"),
        ("plain", "/go", "flag", "", "301 /about.html?ref=old&flag"),
        // A redirect to a path that is also a file: the redirect answers, the file is served as it is.
        ("plain", "/to-file.html", "", "", "301 /docs/guide.html"),
        ("plain", "/docs/guide.html", "v=2", "", "uri /docs/guide.html"),
        // Negotiation where both X.br and X.gz were uploaded; the best encoding the viewer accepts.
        ("plain", "/", "", All3, "uri /index.html.br"),
        ("plain", "/_framework/app.wasm", "", All3, "uri /_framework/app.wasm.br"),
        ("plain", "/_framework/app.wasm", "", "gzip", "uri /_framework/app.wasm.gz"),
        ("plain", "/_framework/app.wasm", "", "br;q=0, gzip", "uri /_framework/app.wasm.gz"),
        ("plain", "/_framework/app.wasm", "", "GZIP, BR", "uri /_framework/app.wasm.br"),
        ("plain", "/_framework/app.wasm", "", "identity", "uri /_framework/app.wasm"),
        ("plain", "/_framework/app.wasm", "", "*", "uri /_framework/app.wasm.br"),
        ("plain", "/_framework/app.wasm", "", "gzip;q=0, *;q=0", "uri /_framework/app.wasm"),
        ("plain", "/_framework/app.wasm", "", "", "uri /_framework/app.wasm"),
        ("plain", "/_framework/only.js", "", All3, "uri /_framework/only.js"),
        // SPA: unknown extensionless paths get the root index; files, folders and extensions keep their answers.
        ("spa", "/counter", "", "", "uri /index.html"),
        ("spa", "/counter/deep", "x=1", All3, "uri /index.html.br"),
        ("spa", "/unknown/", "", "", "uri /index.html"),
        ("spa", "/styles.css", "", "", "uri /styles.css"),
        ("spa", "/docs", "", "", "302 /docs/"),
        ("spa", "/docs/", "", "", "uri /docs/index.html"),
        ("spa", "/LICENSE", "", "", "uri /LICENSE"),
        ("spa", "/old.html", "", "", "301 /about.html"),
        // The prefix is the origin path: viewers see the site at the root.
        ("origin", "/docs/", "", "", "uri /docs/index.html"),
        ("origin", "/counter", "", "", "uri /index.html"),
        ("origin", "/old.html", "", "", "301 /about.html"),
        ("origin", "/_framework/app.wasm", "", "gzip", "uri /_framework/app.wasm.gz"),
        // The origin serves the bucket's root: the prefix is part of every viewer path.
        ("deeper", "/site/docs/", "", "", "uri /site/docs/index.html"),
        ("deeper", "/site", "", "", "302 /site/"),
        ("deeper", "/site/counter", "", "", "uri /site/index.html"),
        ("deeper", "/counter", "", "", "uri /counter"),
        ("deeper", "/site/old.html", "", "", "301 /about.html"),
        ("deeper", "/docs/", "", "", "uri /docs/"),
        // Blazor: a deep link resolves to index.html; the runtime comes as Brotli, or gzip to a client without it.
        ("blazor", "/counter", "", All3, "uri /index.html"),
        ("blazor", "/weather", "page=2", "", "uri /index.html"),
        ("blazor", "/_framework/dotnet.native.k2qvlbbm8o.wasm", "", All3, "uri /_framework/dotnet.native.k2qvlbbm8o.wasm.br"),
        ("blazor", "/_framework/BlazorApp.3x5nqp2j7o.wasm", "", "gzip, deflate", "uri /_framework/BlazorApp.3x5nqp2j7o.wasm.gz"),
        ("blazor", "/css/app.css", "", All3, "uri /css/app.css"),
        // The origin serves only v2/: other folders and the SPA root are out of its reach.
        ("cut", "/a/", "", "", "uri /a/index.html"),
        ("cut", "/", "", "", "uri /index.html"),
        ("cut", "/other/", "", "", "uri /other/"),
        ("cut", "/x", "", "", "uri /x"),
    ];
}
