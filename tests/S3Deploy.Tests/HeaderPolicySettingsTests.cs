using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using static S3Deploy.Tests.HeaderPolicies;

namespace S3Deploy.Tests;

/// <summary>Defaults from the settings (cache control, encryption, storage class) and the headers of configured redirects.</summary>
public sealed class HeaderPolicySettingsTests
{
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
}
