using S3Deploy.Core.Headers;
using static S3Deploy.Tests.HeaderPolicies;

namespace S3Deploy.Tests;

public sealed class HeaderPolicyTests
{
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

    private sealed class FixedType(string type) : IContentTypeResolver
    {
        public string ContentTypeFor(string relativeKey) => type;
    }
}
