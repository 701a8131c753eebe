using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests;

/// <summary>Values in s3deploy.json the validator refuses (globs, enumerations, redirects, ranges), named by line and field.</summary>
public sealed class ConfigFileValueTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private DeployException LoadFails(string json) => ConfigErrors.LoadFails(temp, json);

    private static void AssertError(DeployException e, string code, int line, string field) => ConfigErrors.AssertError(e, code, line, field);

    [Fact]
    public void Bad_glob_in_a_rule_names_the_line_of_its_match()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css" },
                {
                  "cacheControl": "no-store",
                  "match": "assets/**b"
                }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.BadGlob, 6, "rules[1].match");
        Assert.Equal("S3D007", e.Code);
        Assert.Contains("assets/**b", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_glob_in_exclude_names_its_index()
    {
        var e = LoadFails("""
            {
              "source": "site",
              "exclude": [
                "a/**b",
                "*.map"
              ]
            }
            """);

        AssertError(e, DiagnosticCode.BadGlob, 4, "exclude[0]");
    }

    [Fact]
    public void Rule_without_match_names_the_rule()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css" },
                { "cacheControl": "no-store" }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "rules[1]: every rule needs \"match\"");
    }

    [Fact]
    public void Bad_compress_value_names_the_field()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css",
                  "compress": "zip" }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "rules[0].compress: \"zip\" is not one of");
    }

    [Fact]
    public void Bad_precompressed_value_names_the_field()
    {
        var e = LoadFails("""
            {
              "source": "site",
              "precompressed": "brotli"
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "precompressed: \"brotli\" is not one of \"br\", \"gzip\", \"none\"");
    }

    [Fact]
    public void Bad_sse_names_the_field()
    {
        var e = LoadFails("""
            {
              "source": "site",

              "sse": "aes256"
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "sse: \"aes256\" is not one of");
    }

    [Fact]
    public void Bad_sse_in_a_rule_names_the_field()
    {
        var e = LoadFails("""
            {
              "rules": [ { "match": "*.css" },
                         { "match": "*.js", "sse": "kms" } ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "rules[1].sse");
    }

    [Fact]
    public void Bad_storage_class_names_the_field()
    {
        var e = LoadFails("""
            {
              "storageClass": "standard"
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 2, "storageClass: \"standard\" is not one of");
    }

    [Fact]
    public void Bad_storage_class_in_a_rule_names_the_field()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css", "storageClass": "COLD" }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "rules[0].storageClass");
    }

    [Fact]
    public void Redirect_path_without_a_leading_slash_names_the_redirect()
    {
        var e = LoadFails("""
            {
              "redirects": {
                "/fine": "/new/",
                "old/page.html": "/new/"
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "redirects['old/page.html']");
        Assert.Contains("must start with '/'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirect_location_with_another_scheme_names_the_redirect()
    {
        var e = LoadFails("""
            {
              "redirects": {
                "/fine": "https://example.com/",
                "/old/page.html": "ftp://x"
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "redirects['/old/page.html']");
        Assert.Contains("'ftp://x'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("concurrency", "0", "must be between 1 and 256")]
    [InlineData("concurrency", "257", "must be between 1 and 256")]
    [InlineData("maxDeletes", "-1", "must be 0 or more")]
    public void Out_of_range_numbers_name_the_field(string field, string value, string message)
    {
        var e = LoadFails($$"""
            {
              "source": "site",
              "{{field}}": {{value}}
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, $"{field}: {message}");
    }

}
