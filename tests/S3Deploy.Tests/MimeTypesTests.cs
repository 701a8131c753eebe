using S3Deploy.Core.Headers;

namespace S3Deploy.Tests;

public sealed class MimeTypesTests
{
    private const string Utf8 = "; charset=utf-8";

    [Theory]
    // Web overrides.
    [InlineData("app.js", "text/javascript" + Utf8)]
    [InlineData("app.mjs", "text/javascript" + Utf8)]
    [InlineData("app.cjs", "text/javascript" + Utf8)]
    [InlineData("dotnet.wasm", "application/wasm")]
    [InlineData("site.webmanifest", "application/manifest+json" + Utf8)]
    [InlineData("app.js.map", "application/json" + Utf8)]
    [InlineData("data.json", "application/json" + Utf8)]
    [InlineData("index.html", "text/html" + Utf8)]
    [InlineData("index.htm", "text/html" + Utf8)]
    [InlineData("site.css", "text/css" + Utf8)]
    [InlineData("sitemap.xml", "application/xml" + Utf8)]
    [InlineData("robots.txt", "text/plain" + Utf8)]
    [InlineData("event.ics", "text/calendar" + Utf8)]
    [InlineData("paper.pdf", "application/pdf")]
    [InlineData("logo.svg", "image/svg+xml" + Utf8)]
    [InlineData("favicon.ico", "image/x-icon")]
    [InlineData("photo.avif", "image/avif")]
    [InlineData("photo.webp", "image/webp")]
    [InlineData("font.woff", "font/woff")]
    [InlineData("font.woff2", "font/woff2")]
    [InlineData("clip.mp4", "video/mp4")] // the table says application/mp4
    [InlineData("sound.wav", "audio/wav")] // the table says audio/wave
    [InlineData("_framework/App.dll", "application/octet-stream")]
    [InlineData("_framework/App.pdb", "application/octet-stream")]
    [InlineData("_framework/icudt.dat", "application/octet-stream")]
    [InlineData("_framework/App.blat", "application/octet-stream")]
    // Common web types straight from the table.
    [InlineData("image.png", "image/png")]
    [InlineData("image.jpg", "image/jpeg")]
    [InlineData("image.jpeg", "image/jpeg")]
    [InlineData("image.gif", "image/gif")]
    [InlineData("image.apng", "image/apng")]
    [InlineData("image.jxl", "image/jxl")]
    [InlineData("image.bmp", "image/bmp")]
    [InlineData("image.tiff", "image/tiff")]
    [InlineData("clip.webm", "video/webm")]
    [InlineData("clip.ogv", "video/ogg")]
    [InlineData("clip.mov", "video/quicktime")]
    [InlineData("clip.mpeg", "video/mpeg")]
    [InlineData("segment.ts", "video/mp2t")]
    [InlineData("song.mp3", "audio/mpeg")]
    [InlineData("song.ogg", "audio/ogg")]
    [InlineData("song.opus", "audio/ogg")]
    [InlineData("song.m4a", "audio/mp4")]
    [InlineData("song.aac", "audio/aac")]
    [InlineData("song.weba", "audio/webm")]
    [InlineData("font.otf", "font/otf")]
    [InlineData("font.ttf", "font/ttf")]
    [InlineData("font.eot", "application/vnd.ms-fontobject")]
    [InlineData("captions.vtt", "text/vtt" + Utf8)]
    [InlineData("table.csv", "text/csv" + Utf8)]
    [InlineData("table.tsv", "text/tab-separated-values" + Utf8)]
    [InlineData("README.md", "text/markdown" + Utf8)]
    [InlineData("config.yaml", "text/yaml" + Utf8)]
    [InlineData("config.yml", "text/yaml" + Utf8)]
    [InlineData("feed.rss", "application/rss+xml" + Utf8)]
    [InlineData("feed.atom", "application/atom+xml" + Utf8)]
    [InlineData("page.xhtml", "application/xhtml+xml" + Utf8)]
    [InlineData("data.jsonld", "application/ld+json" + Utf8)]
    [InlineData("map.geojson", "application/geo+json" + Utf8)]
    [InlineData("model.gltf", "model/gltf+json" + Utf8)]
    [InlineData("model.glb", "model/gltf-binary")]
    [InlineData("archive.zip", "application/zip")]
    [InlineData("archive.gz", "application/gzip")]
    [InlineData("archive.tar", "application/x-tar")]
    [InlineData("archive.7z", "application/x-7z-compressed")]
    [InlineData("book.epub", "application/epub+zip")]
    [InlineData("letter.rtf", "application/rtf")]
    public void Extension_maps_to_full_content_type(string key, string expected) =>
        Assert.Equal(expected, MimeTypes.Default.ContentTypeFor(key));

    [Theory]
    [InlineData("A.JS", "text/javascript" + Utf8)]
    [InlineData("Photo.PNG", "image/png")]
    [InlineData("Index.Html", "text/html" + Utf8)]
    [InlineData("CLIP.Mp4", "video/mp4")]
    public void Lookup_ignores_case(string key, string expected) =>
        Assert.Equal(expected, MimeTypes.Default.ContentTypeFor(key));

    [Theory]
    [InlineData("a/b.c/d.CSS", "text/css" + Utf8)]
    [InlineData("assets/img/logo.min.svg", "image/svg+xml" + Utf8)]
    [InlineData("archive.tar.gz", "application/gzip")]
    [InlineData("a.b/c", MimeTypes.Fallback)]
    public void Only_the_last_extension_of_the_file_name_counts(string key, string expected) =>
        Assert.Equal(expected, MimeTypes.Default.ContentTypeFor(key));

    [Theory]
    [InlineData("LICENSE")]
    [InlineData("docs/CNAME")]
    [InlineData("file.")]
    [InlineData("")]
    [InlineData("bundle.br")]
    [InlineData("data.unknownext")]
    [InlineData(".htaccess")]
    [InlineData(".well-known/apple-app-site-association")]
    public void No_extension_unknown_extension_and_dotfiles_fall_back_to_octet_stream(string key) =>
        Assert.Equal("application/octet-stream", MimeTypes.Default.ContentTypeFor(key));

    [Fact]
    public void Fallback_is_octet_stream() => Assert.Equal("application/octet-stream", MimeTypes.Fallback);

    [Fact]
    public void Default_is_a_single_instance() => Assert.Same(MimeTypes.Default, MimeTypes.Default);

    [Fact]
    public void Embedded_table_has_the_full_mime_db_data()
    {
        var table = MimeTypes.ReadEmbeddedTable();

        Assert.True(table.Count > 900, $"only {table.Count} extensions in the embedded table");
        Assert.Equal("application/vnd.ms-excel", table["xls"]);
        Assert.All(table, e => Assert.Equal(e.Key.ToLowerInvariant(), e.Key));
    }
}
