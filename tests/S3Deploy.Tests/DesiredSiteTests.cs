using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Scanning;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

public class DesiredSiteTests
{
    private static readonly HeaderPolicy Policy = new(new HeaderSettings(), MimeTypes.Default);

    private static readonly IReadOnlyDictionary<string, string> NoRedirects = new Dictionary<string, string>();

    private static readonly LocalFile Plain = File("_framework/app.js", "console.log('plain, and long enough to compress');");
    private static readonly LocalFile Brotli = File("_framework/app.js.br", "brotli bytes");
    private static readonly LocalFile Gzip = File("_framework/app.js.gz", "gzip bytes, longer");

    private static IReadOnlyList<DesiredObject> Build(IReadOnlyList<LocalFile> files, Compression precompressed = Compression.None, IReadOnlyDictionary<string, string>? redirects = null) =>
        DesiredSite.Build(files, Policy, precompressed, redirects ?? NoRedirects);

    [Fact]
    public void Precompressed_br_uploads_the_br_bytes_under_the_plain_name()
    {
        var desired = Build([Plain, Brotli, Gzip], Compression.Brotli);

        var d = Assert.Single(desired);
        Assert.Equal("_framework/app.js", d.RelativeKey);
        Assert.Equal(Brotli.FullPath, d.File.FullPath);
        Assert.Equal(Brotli.Md5Hex, d.File.Md5Hex);
        Assert.Equal(Brotli.Size, d.File.Size);
        Assert.Equal("br", d.Headers.ContentEncoding);
        Assert.Equal("text/javascript; charset=utf-8", d.Headers.ContentType);
        Assert.Equal(Compression.None, d.Compress);
        Assert.Equal(Brotli.Md5Hex, d.ContentId);
    }

    [Fact]
    public void Negotiate_keeps_each_encoding_under_its_own_key_with_the_plain_names_type()
    {
        var desired = DesiredSite.Build([Plain, Brotli, Gzip], Policy, Compression.None, NoRedirects, negotiate: true).ToDictionary(d => d.RelativeKey);

        Assert.Equal(["_framework/app.js", "_framework/app.js.br", "_framework/app.js.gz"], desired.Keys.Order(StringComparer.Ordinal));
        Assert.Null(desired["_framework/app.js"].Headers.ContentEncoding);
        Assert.Equal(("br", Brotli.Md5Hex), (desired["_framework/app.js.br"].Headers.ContentEncoding, desired["_framework/app.js.br"].File.Md5Hex));
        Assert.Equal("gzip", desired["_framework/app.js.gz"].Headers.ContentEncoding);
        Assert.All(desired.Values, d => Assert.Equal("text/javascript; charset=utf-8", d.Headers.ContentType));
    }

    [Fact]
    public void Precompressed_gzip_uploads_the_gz_bytes_under_the_plain_name()
    {
        var desired = Build([Plain, Brotli, Gzip], Compression.Gzip);

        var d = Assert.Single(desired);
        Assert.Equal("_framework/app.js", d.RelativeKey);
        Assert.Equal(Gzip.FullPath, d.File.FullPath);
        Assert.Equal((Gzip.Md5Hex, Gzip.Size), (d.File.Md5Hex, d.File.Size));
        Assert.Equal("gzip", d.Headers.ContentEncoding);
        Assert.Equal("text/javascript; charset=utf-8", d.Headers.ContentType);
    }

    [Fact]
    public void Precompressed_file_keeps_the_cache_rules_of_the_plain_name()
    {
        var page = File("index.html", "<html/>");
        var pageBr = File("index.html.br", "br page");

        var d = Assert.Single(Build([page, pageBr], Compression.Brotli));

        Assert.True(d.IsEntryDocument);
        Assert.Equal(CacheDefaults.Entry, d.Headers.CacheControl);
        Assert.Equal("text/html; charset=utf-8", d.Headers.ContentType);
    }

    [Fact]
    public void Precompressed_br_without_a_br_sibling_uploads_the_plain_file()
    {
        var desired = Build([Plain, Gzip], Compression.Brotli);

        var d = Assert.Single(desired);
        Assert.Equal(Plain, d.File);
        Assert.Null(d.Headers.ContentEncoding);
    }

    [Fact]
    public void No_precompression_keeps_every_file_as_it_is()
    {
        var desired = Build([Plain, Brotli, Gzip]);

        Assert.Equal(["_framework/app.js", "_framework/app.js.br", "_framework/app.js.gz"], desired.Select(d => d.RelativeKey));
        Assert.Equal([Plain, Brotli, Gzip], desired.Select(d => d.File));
        Assert.All(desired, d => Assert.Null(d.Headers.ContentEncoding));
    }

    [Fact]
    public void A_br_file_without_its_plain_file_is_its_own_object()
    {
        var lone = File("app.br", "lonely bytes");

        var d = Assert.Single(Build([lone], Compression.Brotli));

        Assert.Equal("app.br", d.RelativeKey);
        Assert.Same(lone, d.File);
        Assert.Null(d.Headers.ContentEncoding);
    }

    [Fact]
    public void Unrelated_files_are_kept_beside_precompressed_ones()
    {
        var css = File("site.css", "body{}");

        var desired = Build([Plain, Brotli, css], Compression.Brotli);

        Assert.Equal(["_framework/app.js", "site.css"], desired.Select(d => d.RelativeKey).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/old/page.html", "old/page.html")]
    [InlineData("/docs/", "docs/index.html")]
    [InlineData("/", "index.html")]
    [InlineData("/blog", "blog")]
    public void Redirect_paths_become_keys(string path, string key)
    {
        Assert.Equal(key, DesiredSite.RedirectKey(path));

        var d = Assert.Single(Build([], redirects: new Dictionary<string, string> { [path] = "https://example.com/" }));

        Assert.Equal(key, d.RelativeKey);
        Assert.Equal("https://example.com/", d.Headers.RedirectLocation);
        Assert.True(d.IsEntryDocument);
        Assert.Equal(0, d.File.Size);
        Assert.Equal(Md5Of(""), d.File.Md5Hex);
    }

    [Fact]
    public void Redirects_come_after_the_files()
    {
        var css = File("site.css", "body{}");

        var desired = Build([css], redirects: new Dictionary<string, string> { ["/old/page.html"] = "/new/" });

        Assert.Equal(["site.css", "old/page.html"], desired.Select(d => d.RelativeKey));
    }

    [Fact]
    public void A_redirect_onto_an_existing_file_is_refused()
    {
        var page = File("old/page.html", "<html/>");

        var e = Assert.Throws<DeployException>(() => Build([page], redirects: new Dictionary<string, string> { ["/old/page.html"] = "/new/" }));

        Assert.Equal(DiagnosticCode.BadRedirect, e.Code);
        Assert.Equal("S3D008", e.Code);
        Assert.Contains("old/page.html", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_redirect_onto_an_existing_index_is_refused()
    {
        var index = File("docs/index.html", "<html/>");

        var e = Assert.Throws<DeployException>(() => Build([index], redirects: new Dictionary<string, string> { ["/docs/"] = "/new/" }));

        Assert.Equal("S3D008", e.Code);
    }

    [Fact]
    public void A_redirect_onto_a_precompressed_sibling_is_allowed()
    {
        // app.js.br is not uploaded under its own name, so a redirect may take that key.
        var desired = Build([Plain, Brotli], Compression.Brotli, new Dictionary<string, string> { ["/_framework/app.js.br"] = "/_framework/app.js" });

        Assert.Equal(["_framework/app.js", "_framework/app.js.br"], desired.Select(d => d.RelativeKey));
        Assert.Equal("/_framework/app.js", desired[1].Headers.RedirectLocation);
    }
}
