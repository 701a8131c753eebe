using System.IO.Compression;
using Amazon.S3.Model;
using S3Deploy.Core;
using S3Deploy.Core.Headers;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class ContentRulesTests(S3ServerFixture server) : DeployTest(server)
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Revalidate = "public, max-age=0, must-revalidate";
    private const string Short = "public, max-age=300";

    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8", Revalidate)]
    [InlineData("404.html", "text/html; charset=utf-8", Revalidate)]
    [InlineData("docs/release notes.html", "text/html; charset=utf-8", Revalidate)]
    [InlineData("blog/café-menu.html", "text/html; charset=utf-8", Revalidate)]
    [InlineData("css/site.css", "text/css; charset=utf-8", Short)]
    [InlineData("js/app.3f9c2a1b.js", "text/javascript; charset=utf-8", Immutable)]
    [InlineData("js/vendor-Bx7dK2aP.js", "text/javascript; charset=utf-8", Immutable)]
    [InlineData("img/hero.png", "image/png", Short)]
    [InlineData("img/logo.svg", "image/svg+xml; charset=utf-8", Short)]
    [InlineData("favicon.ico", "image/x-icon", Short)]
    [InlineData("wasm/add.wasm", "application/wasm", Short)]
    [InlineData("site.webmanifest", "application/manifest+json; charset=utf-8", Short)]
    [InlineData("robots.txt", "text/plain; charset=utf-8", Short)]
    [InlineData("data/search-index.json", "application/json; charset=utf-8", Short)]
    public async Task Sample_site_objects_carry_the_expected_type_and_cache_control(string key, string contentType, string cacheControl)
    {
        var site = Own(TempSite.CopyOf(RepoPaths.SampleSite));
        await DeployAsync(site);

        Assert.Equal(contentType, await Bucket.RawHeaderAsync(key, "Content-Type"));
        Assert.Equal(cacheControl, await Bucket.RawHeaderAsync(key, "Cache-Control"));
    }

    [Fact]
    public async Task Changing_a_rules_cache_control_updates_headers_only()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("css/a.css", "a{}"), ("css/b.css", "b{}"), ("app.js", "x()"));
        var rule = new HeaderRule(Glob.Parse("*.css")) { CacheControl = "public, max-age=60" };
        await DeployAsync(Options(site) with { Headers = new HeaderSettings { Rules = [rule] } });
        var before = await Bucket.ListAsync();
        before.Remove(".s3deploy/manifest.json");

        var changed = rule with { CacheControl = "public, max-age=120" };
        var result = await DeployAsync(Options(site) with { Headers = new HeaderSettings { Rules = [changed] } });

        Assert.Equal(["update-headers:headers:css/a.css", "update-headers:headers:css/b.css"], Describe(result));
        Assert.Equal(0, result.BytesUploaded);
        Assert.Equal("public, max-age=120", (await Bucket.HeadAsync("css/a.css")).Headers.CacheControl);
        var after = await Bucket.ListAsync();
        after.Remove(".s3deploy/manifest.json");
        Assert.Equal(before, after);
        Assert.Equal("a{}", System.Text.Encoding.UTF8.GetString(await Bucket.GetAsync("css/a.css")));
    }

    [Theory]
    [InlineData(Compression.Gzip, "gzip")]
    [InlineData(Compression.Brotli, "br")]
    public async Task Compressed_objects_decode_to_the_source_and_are_not_reuploaded(Compression compression, string encoding)
    {
        var site = Own(new TempSite());
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i} of a very compressible stylesheet\n"));
        site.Write("css/big.css", text);
        site.Write("index.html", "<link rel=stylesheet href=css/big.css>");
        var options = Options(site) with { Headers = new HeaderSettings { Rules = [new HeaderRule(Glob.Parse("*.css")) { Compress = compression }] } };

        await DeployAsync(options);
        var again = await DeployAsync(options);

        var head = await Bucket.HeadAsync("css/big.css");
        Assert.Equal(encoding, head.Headers.ContentEncoding);
        Assert.Equal("text/css; charset=utf-8", head.Headers.ContentType);
        var stored = await Bucket.GetAsync("css/big.css");
        Assert.True(stored.Length < text.Length / 5, $"stored {stored.Length} bytes of {text.Length}");
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(Decode(stored, encoding)));
        Assert.Empty(again.Actions);
    }

    [Fact]
    public async Task Turning_compression_off_uploads_plain_bytes_again()
    {
        var site = Site(("a.css", "body { color: red }"));
        await DeployAsync(Options(site) with { Headers = new HeaderSettings { Rules = [new HeaderRule(Glob.Parse("*.css")) { Compress = Compression.Gzip }] } });

        var result = await DeployAsync(site);

        Assert.Equal(["upload:content:a.css"], Describe(result));
        Assert.Null((await Bucket.HeadAsync("a.css")).Headers.ContentEncoding);
        Assert.Equal("body { color: red }", System.Text.Encoding.UTF8.GetString(await Bucket.GetAsync("a.css")));
    }

    [Theory]
    [InlineData(Compression.Brotli, "br")]
    [InlineData(Compression.Gzip, "gzip")]
    public async Task Precompressed_siblings_are_uploaded_in_place_of_the_file(Compression precompressed, string encoding)
    {
        var site = Own(new TempSite());
        var wasm = Enumerable.Range(0, 50_000).Select(i => (byte)(i % 7)).ToArray();
        site.Write("_framework/dotnet.native.8c4n2u0bqe.wasm", wasm);
        site.Write("_framework/dotnet.native.8c4n2u0bqe.wasm.br", Encode(wasm, "br"));
        site.Write("_framework/dotnet.native.8c4n2u0bqe.wasm.gz", Encode(wasm, "gzip"));
        site.Write("index.html", "<script src=_framework/blazor.webassembly.js></script>");
        var options = Options(site) with { Precompressed = precompressed };

        var first = await DeployAsync(options);
        var second = await DeployAsync(options);

        Assert.Equal(["upload:new:_framework/dotnet.native.8c4n2u0bqe.wasm", "upload:new:index.html"], Describe(first));
        Assert.Empty(second.Actions);
        var keys = (await Bucket.ListAsync()).Keys.Order(StringComparer.Ordinal);
        Assert.Equal([".s3deploy/manifest.json", "_framework/dotnet.native.8c4n2u0bqe.wasm", "index.html"], keys);
        var head = await Bucket.HeadAsync("_framework/dotnet.native.8c4n2u0bqe.wasm");
        Assert.Equal(encoding, head.Headers.ContentEncoding);
        Assert.Equal("application/wasm", head.Headers.ContentType);
        Assert.Equal(Immutable, head.Headers.CacheControl);
        Assert.Equal(wasm, Decode(await Bucket.GetAsync("_framework/dotnet.native.8c4n2u0bqe.wasm"), encoding));
    }

    [Fact]
    public async Task Redirects_become_objects_that_answer_with_their_location_and_go_when_removed()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("new/index.html", "<h1>new</h1>"));
        using (var s3 = Server.Client())
        {
            await s3.PutBucketWebsiteAsync(new PutBucketWebsiteRequest { BucketName = Bucket.Name, WebsiteConfiguration = new WebsiteConfiguration { IndexDocumentSuffix = "index.html" } });
        }

        var redirects = new Dictionary<string, string> { ["/old/page.html"] = "/new/", ["/blog"] = "https://blog.example.com/" };
        var first = await DeployAsync(Options(site) with { Redirects = redirects });

        Assert.Contains("upload:new:old/page.html", Describe(first));
        Assert.Equal("/new/", (await Bucket.HeadAsync("old/page.html")).WebsiteRedirectLocation);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await http.GetAsync($"{Server.Endpoint}/{Bucket.Name}/blog");
        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, answer.StatusCode);
        Assert.Equal("https://blog.example.com/", answer.Headers.Location?.ToString());
        Assert.Empty((await DeployAsync(Options(site) with { Redirects = redirects })).Actions);

        var changed = await DeployAsync(Options(site) with { Redirects = new Dictionary<string, string> { ["/old/page.html"] = "/newer/" } });

        Assert.Equal(["delete:stale:blog", "update-headers:headers:old/page.html"], Describe(changed));
        Assert.Equal("/newer/", (await Bucket.HeadAsync("old/page.html")).WebsiteRedirectLocation);
    }

    [Fact]
    public async Task Encryption_and_storage_class_changes_are_header_updates()
    {
        var site = Site(("a.txt", "secret-ish"), ("index.html", "home"));
        await DeployAsync(site);

        var result = await DeployAsync(Options(site) with { Headers = new HeaderSettings { ServerSideEncryption = "AES256", StorageClass = "STANDARD_IA" } });

        Assert.Equal(["update-headers:headers:a.txt", "update-headers:headers:index.html"], Describe(result));
        Assert.Equal(0, result.BytesUploaded);
        Assert.Empty((await DeployAsync(Options(site) with { Headers = new HeaderSettings { ServerSideEncryption = "AES256", StorageClass = "STANDARD_IA" } })).Actions);
    }

    private static byte[] Encode(byte[] bytes, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream encoder = encoding == "br" ? new BrotliStream(output, CompressionLevel.Optimal) : new GZipStream(output, CompressionLevel.Optimal))
        {
            encoder.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Decode(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
