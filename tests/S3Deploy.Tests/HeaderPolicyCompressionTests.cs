using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using static S3Deploy.Tests.HeaderPolicies;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>Compression by rule and precompressed siblings: the content encoding and the id of the stored bytes.</summary>
public sealed class HeaderPolicyCompressionTests
{
    [Theory]
    [InlineData(Compression.Gzip, "gzip")]
    [InlineData(Compression.Brotli, "br")]
    public void Compress_sets_the_content_encoding_and_the_compression(Compression compression, string encoding)
    {
        var d = Describe(Policy(Rule("*.css") with { Compress = compression }), "site.css");

        Assert.Equal(compression, d.Compress);
        Assert.Equal(encoding, d.Headers.ContentEncoding);
        Assert.Equal("text/css; charset=utf-8", d.Headers.ContentType);
        Assert.Equal($"{d.File.Md5Hex}+{encoding}", d.ContentId);
    }

    [Fact]
    public void A_later_compress_none_turns_compression_off()
    {
        var policy = Policy(
            Rule("**") with { Compress = Compression.Gzip },
            Rule("*.png") with { Compress = Compression.None });

        var png = Describe(policy, "img/a.png");
        var css = Describe(policy, "a.css");

        Assert.Equal((Compression.None, null), (png.Compress, png.Headers.ContentEncoding));
        Assert.Equal(png.File.Md5Hex, png.ContentId);
        Assert.Equal((Compression.Gzip, "gzip"), (css.Compress, css.Headers.ContentEncoding));
    }

    [Fact]
    public void Compress_overrides_a_content_encoding_the_rules_set()
    {
        var d = Describe(Policy(Rule("*.css") with { ContentEncoding = "identity", Compress = Compression.Brotli }), "a.css");

        Assert.Equal("br", d.Headers.ContentEncoding);
    }

    [Fact]
    public void Precompressed_bytes_get_their_encoding_and_are_not_compressed_again()
    {
        var policy = Policy(Rule("*.js") with { Compress = Compression.Gzip });

        var file = File("app.js", "brotli bytes");
        var d = policy.Describe(file, Compression.Brotli);

        Assert.Equal("br", d.Headers.ContentEncoding);
        Assert.Equal(Compression.None, d.Compress);
        Assert.Equal(file.Md5Hex, DesiredObject.From(file, d).ContentId);
        Assert.Equal("text/javascript; charset=utf-8", d.Headers.ContentType);
    }

    [Fact]
    public void Precompressed_gzip_gets_gzip_encoding()
    {
        var d = Policy().Describe(File("index.html", "gzip bytes"), Compression.Gzip);

        Assert.Equal("gzip", d.Headers.ContentEncoding);
        Assert.Equal(Compression.None, d.Compress);
        Assert.True(d.IsEntryDocument);
        Assert.Equal(CacheDefaults.Entry, d.Headers.CacheControl);
    }
}
