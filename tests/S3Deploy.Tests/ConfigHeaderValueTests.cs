using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests;

/// <summary>Header values in s3deploy.json are refused with the file, the line and the field, before anything is contacted.</summary>
public sealed class ConfigHeaderValueTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void An_escaped_line_break_in_a_rule_cache_control_names_its_line()
    {
        var e = ConfigErrors.LoadFails(temp, """
            {
              "rules": [
                { "match": "**",
                  "cacheControl": "max-age=1\r\nx-amz-acl: public-read" }
              ]
            }
            """);

        ConfigErrors.AssertError(e, DiagnosticCode.BadHeaderValue, 4, "rules[0].cacheControl");
        Assert.Contains("\\u000d", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void The_top_level_cache_control_is_checked_too()
    {
        var e = ConfigErrors.LoadFails(temp, """
            {
              "cacheControl": "no-cache\nx: y"
            }
            """);

        ConfigErrors.AssertError(e, "S3D044", 2, "cacheControl");
    }

    [Fact]
    public void A_metadata_name_that_is_not_a_token_names_its_line()
    {
        var e = ConfigErrors.LoadFails(temp, """
            {
              "rules": [
                { "match": "*.pdf",
                  "metadata": {
                    "ok": "1",
                    "two words": "2"
                  } }
              ]
            }
            """);

        ConfigErrors.AssertError(e, DiagnosticCode.BadHeaderValue, 6, "rules[0].metadata['two words']");
    }

    [Fact]
    public void A_metadata_value_with_a_line_break_names_its_line()
    {
        var e = ConfigErrors.LoadFails(temp, """
            {
              "rules": [
                { "match": "*.pdf", "metadata": { "author": "Jane\r\nx-amz-acl: public-read" } }
              ]
            }
            """);

        ConfigErrors.AssertError(e, DiagnosticCode.BadHeaderValue, 3, "rules[0].metadata.author");
    }

    [Fact]
    public void Non_ascii_content_type_is_refused_and_an_encodable_disposition_is_not()
    {
        var e = ConfigErrors.LoadFails(temp, """
            {
              "rules": [
                { "match": "*.pdf", "contentDisposition": "attachment; filename=\"naïve.pdf\"", "metadata": { "author": "Zoë" } },
                { "match": "*.txt", "contentType": "text/plain; title=é" }
              ]
            }
            """);

        ConfigErrors.AssertError(e, DiagnosticCode.BadHeaderValue, 4, "rules[1].contentType");
    }

    [Theory]
    [InlineData("/.s3deploy/manifest.json", "/new/")]
    [InlineData("/../../other/x", "/new/")]
    [InlineData("/old", "//evil.example/")]
    public void A_redirect_to_or_from_a_key_it_must_not_name_is_s3d008_with_its_line(string from, string to)
    {
        var e = ConfigErrors.LoadFails(temp, $$"""
            {
              "redirects": {
                "{{from}}": "{{to}}"
              }
            }
            """);

        ConfigErrors.AssertError(e, DiagnosticCode.BadRedirect, 3, "redirects");
    }

    [Fact]
    public void A_redirect_location_with_a_line_break_is_s3d044()
    {
        var e = ConfigErrors.LoadFails(temp, """
            { "redirects": { "/old": "/new\r\nx-amz-acl: public-read" } }
            """);

        ConfigErrors.AssertError(e, DiagnosticCode.BadHeaderValue, 1, "redirects['/old']");
    }
}
