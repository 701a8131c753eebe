using S3Deploy.Core;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Scanning;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

public class HeaderPolicyTests
{
    private static HeaderPolicy Policy(params HeaderRule[] rules) => Policy(new HeaderSettings { Rules = rules });

    private static HeaderPolicy Policy(HeaderSettings settings) => new(settings, MimeTypes.Default);

    private static HeaderRule Rule(string glob) => new(Glob.Parse(glob));

    /// <summary>As the planner sees it: the policy's decision on the scanned file.</summary>
    private static DesiredObject Describe(HeaderPolicy policy, string key)
    {
        var file = File(key, "bytes of " + key);
        return DesiredObject.From(file, policy.Describe(file));
    }

    [Fact]
    public void No_rules_gives_the_mime_type_and_the_default_cache_control()
    {
        var d = Describe(Policy(), "css/site.css");

        Assert.Equal("text/css; charset=utf-8", d.Headers.ContentType);
        Assert.Equal(CacheDefaults.Other, d.Headers.CacheControl);
        Assert.Null(d.Headers.ContentEncoding);
        Assert.Null(d.Headers.ContentDisposition);
        Assert.Null(d.Headers.Metadata);
        Assert.Null(d.Headers.ServerSideEncryption);
        Assert.Null(d.Headers.SseKmsKeyId);
        Assert.Null(d.Headers.StorageClass);
        Assert.Null(d.Headers.RedirectLocation);
        Assert.False(d.IsEntryDocument);
        Assert.Equal(Compression.None, d.Compress);
        Assert.Equal("css/site.css", d.RelativeKey);
    }

    [Fact]
    public void A_matching_rule_sets_every_field_it_names()
    {
        var policy = Policy(Rule("downloads/**") with
        {
            CacheControl = "no-store",
            ContentType = "application/x-custom",
            ContentEncoding = "identity",
            ContentDisposition = "attachment",
            Metadata = new Dictionary<string, string> { ["team"] = "web" },
            ServerSideEncryption = "aws:kms",
            SseKmsKeyId = "key-1",
            StorageClass = "STANDARD_IA",
        });

        var h = Describe(policy, "downloads/report.pdf").Headers;

        Assert.Equal("application/x-custom", h.ContentType);
        Assert.Equal("no-store", h.CacheControl);
        Assert.Equal("identity", h.ContentEncoding);
        Assert.Equal("attachment", h.ContentDisposition);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "web" }, h.UserMetadata);
        Assert.Equal("aws:kms", h.ServerSideEncryption);
        Assert.Equal("key-1", h.SseKmsKeyId);
        Assert.Equal("STANDARD_IA", h.StorageClass);
    }

    [Fact]
    public void Rules_that_do_not_match_are_ignored()
    {
        var policy = Policy(Rule("*.js") with { CacheControl = "no-store", ContentDisposition = "attachment", Entry = true, Compress = Compression.Gzip });

        var d = Describe(policy, "site.css");

        Assert.Equal(CacheDefaults.Other, d.Headers.CacheControl);
        Assert.Null(d.Headers.ContentDisposition);
        Assert.False(d.IsEntryDocument);
        Assert.Equal(Compression.None, d.Compress);
    }

    [Fact]
    public void Every_matching_rule_applies_in_order_and_a_later_field_wins()
    {
        var policy = Policy(
            Rule("**") with { CacheControl = "public, max-age=1", ContentDisposition = "inline", StorageClass = "GLACIER_IR" },
            Rule("*.css") with { CacheControl = "public, max-age=2" },
            Rule("*.js") with { CacheControl = "public, max-age=3" },
            Rule("css/**") with { ContentType = "text/x-css" });

        var h = Describe(policy, "css/site.css").Headers;

        Assert.Equal("public, max-age=2", h.CacheControl);
        Assert.Equal("inline", h.ContentDisposition);
        Assert.Equal("GLACIER_IR", h.StorageClass);
        Assert.Equal("text/x-css", h.ContentType);
    }

    [Fact]
    public void The_later_rule_wins_whichever_glob_is_more_specific()
    {
        var policy = Policy(
            Rule("css/site.css") with { CacheControl = "specific" },
            Rule("**") with { CacheControl = "general" });

        Assert.Equal("general", Describe(policy, "css/site.css").Headers.CacheControl);
    }

    [Fact]
    public void Metadata_merges_by_name_case_insensitively_and_is_stored_lower_case()
    {
        var policy = Policy(
            Rule("**") with { Metadata = new Dictionary<string, string> { ["Team"] = "web", ["Owner"] = "alice" } },
            Rule("*.css") with { Metadata = new Dictionary<string, string> { ["OWNER"] = "bob", ["Build"] = "42" } });

        var metadata = Describe(policy, "site.css").Headers.UserMetadata;

        Assert.Equal(
            [("build", "42"), ("owner", "bob"), ("team", "web")],
            metadata.Select(m => (m.Key, m.Value)).OrderBy(m => m.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Metadata_of_a_non_matching_rule_is_not_merged()
    {
        var policy = Policy(
            Rule("**") with { Metadata = new Dictionary<string, string> { ["team"] = "web" } },
            Rule("*.js") with { Metadata = new Dictionary<string, string> { ["team"] = "js" } });

        Assert.Equal("web", Assert.Single(Describe(policy, "a.css").Headers.UserMetadata).Value);
    }

    [Fact]
    public void A_rule_without_metadata_keeps_the_metadata_of_earlier_rules()
    {
        var policy = Policy(
            Rule("**") with { Metadata = new Dictionary<string, string> { ["team"] = "web" } },
            Rule("*.css") with { CacheControl = "no-store" });

        var h = Describe(policy, "a.css").Headers;

        Assert.Equal("web", h.UserMetadata["team"]);
        Assert.Equal("no-store", h.CacheControl);
    }

    [Fact]
    public void Entry_true_makes_an_entry_document_with_the_revalidate_default()
    {
        var d = Describe(Policy(Rule("feed.xml") with { Entry = true }), "feed.xml");

        Assert.True(d.IsEntryDocument);
        Assert.Equal(CacheDefaults.Entry, d.Headers.CacheControl);
    }

    [Fact]
    public void Entry_true_on_a_fingerprinted_name_still_revalidates()
    {
        var d = Describe(Policy(Rule("*.js") with { Entry = true }), "app.3f9c2a1b.js");

        Assert.True(d.IsEntryDocument);
        Assert.Equal(CacheDefaults.Entry, d.Headers.CacheControl);
    }

    [Fact]
    public void Entry_false_on_an_html_file_makes_it_a_non_entry()
    {
        var d = Describe(Policy(Rule("fragments/*.html") with { Entry = false }), "fragments/nav.html");

        Assert.False(d.IsEntryDocument);
        Assert.Equal(CacheDefaults.Other, d.Headers.CacheControl);
    }

    [Fact]
    public void A_later_rule_without_entry_keeps_the_earlier_rules_entry()
    {
        var policy = Policy(
            Rule("*.xml") with { Entry = true },
            Rule("**") with { ContentDisposition = "inline" });

        Assert.True(Describe(policy, "feed.xml").IsEntryDocument);
    }

    [Fact]
    public void Entry_with_a_cache_control_rule_keeps_the_rules_cache_control()
    {
        var d = Describe(Policy(Rule("feed.xml") with { Entry = true, CacheControl = "public, max-age=600" }), "feed.xml");

        Assert.True(d.IsEntryDocument);
        Assert.Equal("public, max-age=600", d.Headers.CacheControl);
    }

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

    [Theory]
    [InlineData("index.html", CacheDefaults.Entry, true)]
    [InlineData("docs/PAGE.HTM", CacheDefaults.Entry, true)]
    [InlineData("app.3f9c2a1b.js", CacheDefaults.Fingerprinted, false)]
    [InlineData("assets/index-Bx7dK2aP.js", CacheDefaults.Fingerprinted, false)]
    [InlineData("_framework/dotnet.native.8c4n2u0bqe.wasm", CacheDefaults.Fingerprinted, false)]
    [InlineData("jquery-3.7.1.min.js", CacheDefaults.Other, false)]
    [InlineData("favicon-32x32.png", CacheDefaults.Other, false)]
    [InlineData("css/site.css", CacheDefaults.Other, false)]
    public void Default_cache_control_depends_on_the_kind_of_file(string key, string cacheControl, bool entry)
    {
        var d = Describe(Policy(), key);

        Assert.Equal(cacheControl, d.Headers.CacheControl);
        Assert.Equal(entry, d.IsEntryDocument);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("app.3f9c2a1b.js")]
    [InlineData("site.css")]
    public void Settings_cache_control_replaces_every_default(string key)
    {
        var d = Describe(Policy(new HeaderSettings { CacheControl = "public, max-age=42" }), key);

        Assert.Equal("public, max-age=42", d.Headers.CacheControl);
    }

    [Fact]
    public void A_rules_cache_control_wins_over_the_settings_cache_control()
    {
        var settings = new HeaderSettings
        {
            CacheControl = "public, max-age=42",
            Rules = [Rule("*.css") with { CacheControl = "no-cache" }],
        };

        Assert.Equal("no-cache", Describe(Policy(settings), "a.css").Headers.CacheControl);
        Assert.Equal("public, max-age=42", Describe(Policy(settings), "a.js").Headers.CacheControl);
    }

    [Fact]
    public void Encryption_and_storage_class_come_from_the_settings()
    {
        var settings = new HeaderSettings { ServerSideEncryption = "aws:kms", SseKmsKeyId = "arn:key", StorageClass = "STANDARD_IA" };

        var h = Describe(Policy(settings), "a.css").Headers;

        Assert.Equal(("aws:kms", "arn:key", "STANDARD_IA"), (h.ServerSideEncryption, h.SseKmsKeyId, h.StorageClass));
    }

    [Fact]
    public void A_rule_overrides_encryption_and_storage_class_of_the_settings()
    {
        var settings = new HeaderSettings
        {
            ServerSideEncryption = "AES256",
            StorageClass = "STANDARD_IA",
            Rules = [Rule("archive/**") with { ServerSideEncryption = "aws:kms", SseKmsKeyId = "arn:other", StorageClass = "GLACIER" }],
        };

        var archived = Describe(Policy(settings), "archive/2020.zip").Headers;
        var plain = Describe(Policy(settings), "a.css").Headers;

        Assert.Equal(("aws:kms", "arn:other", "GLACIER"), (archived.ServerSideEncryption, archived.SseKmsKeyId, archived.StorageClass));
        Assert.Equal(("AES256", null, "STANDARD_IA"), (plain.ServerSideEncryption, plain.SseKmsKeyId, plain.StorageClass));
    }

    [Theory]
    [InlineData("a.css", "text/css; charset=utf-8")]
    [InlineData("app.mjs", "text/javascript; charset=utf-8")]
    [InlineData("img/logo.PNG", "image/png")]
    [InlineData("LICENSE", MimeTypes.Fallback)]
    public void Content_type_comes_from_the_mime_table(string key, string contentType)
    {
        Assert.Equal(contentType, Describe(Policy(), key).Headers.ContentType);
        Assert.Equal(MimeTypes.Default.ContentTypeFor(key), Describe(Policy(), key).Headers.ContentType);
    }

    [Fact]
    public void A_rule_overrides_the_content_type()
    {
        var d = Describe(Policy(Rule("LICENSE") with { ContentType = "text/plain; charset=utf-8" }), "LICENSE");

        Assert.Equal("text/plain; charset=utf-8", d.Headers.ContentType);
    }

    [Fact]
    public void The_content_type_resolver_is_the_one_given()
    {
        var policy = new HeaderPolicy(new HeaderSettings(), new FixedType("x/y"));

        Assert.Equal("x/y", Describe(policy, "a.css").Headers.ContentType);
    }

    [Fact]
    public void A_redirect_is_an_empty_entry_document_with_its_location()
    {
        var settings = new HeaderSettings { ServerSideEncryption = "AES256", StorageClass = "STANDARD_IA", CacheControl = "ignored" };
        var redirects = new Dictionary<string, string> { ["/old/page.html"] = "/new/" };

        var d = Assert.Single(DesiredSite.Build([], Policy(settings), Compression.None, redirects));

        Assert.Equal("/new/", d.Headers.RedirectLocation);
        Assert.True(d.IsEntryDocument);
        Assert.Equal(0, d.File.Size);
        Assert.Equal(Compression.None, d.Compress);
        Assert.Equal("old/page.html", d.RelativeKey);
        Assert.Equal("text/html; charset=utf-8", d.Headers.ContentType);
        Assert.Equal(CacheDefaults.Entry, d.Headers.CacheControl);
        Assert.Equal(("AES256", "STANDARD_IA"), (d.Headers.ServerSideEncryption, d.Headers.StorageClass));
    }

    [Fact]
    public void Redirects_to_different_locations_have_different_fingerprints()
    {
        Assert.NotEqual(
            Policy().DescribeRedirect("/a/").Headers.Fingerprint(),
            Policy().DescribeRedirect("/b/").Headers.Fingerprint());
    }

    private sealed class FixedType(string type) : IContentTypeResolver
    {
        public string ContentTypeFor(string relativeKey) => type;
    }
}
