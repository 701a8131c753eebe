using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests;

/// <summary>Header values and redirects checked on the options a deploy runs with, whichever adapter filled them in.</summary>
public class HeaderChecksTests
{
    private const string Injection = "max-age=1\r\nx-amz-acl: public-read";

    private static readonly DeployOptions Valid = new() { Source = "site", Target = new S3Target("bucket-a", "www") };

    private static DeployOptions WithRule(HeaderRule rule) => Valid with { Headers = new HeaderSettings { Rules = [rule] } };

    private static HeaderRule Rule() => new(Glob.Parse("**"));

    private static void AssertRefused(DeployOptions options, string code, string field)
    {
        var e = Assert.Throws<DeployException>(options.Validate);

        Assert.Equal(code, e.Code);
        Assert.Equal(FailureKind.Usage, e.Kind);
        Assert.StartsWith(field + ": ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
    }

    [Fact]
    public void A_line_break_in_the_default_cache_control_is_refused_naming_the_option() =>
        AssertRefused(Valid with { Headers = new HeaderSettings { CacheControl = Injection } }, "S3D044", "--cache-control");

    [Fact]
    public void A_line_break_in_any_rule_header_is_refused_naming_the_rule_field()
    {
        AssertRefused(WithRule(Rule() with { CacheControl = Injection }), DiagnosticCode.BadHeaderValue, "rules[0].cacheControl");
        AssertRefused(WithRule(Rule() with { ContentType = "text/html\r\nx-amz-acl: public-read" }), DiagnosticCode.BadHeaderValue, "rules[0].contentType");
        AssertRefused(WithRule(Rule() with { ContentEncoding = "gzip\n" }), DiagnosticCode.BadHeaderValue, "rules[0].contentEncoding");
        AssertRefused(WithRule(Rule() with { ContentDisposition = "attachment\r\nx: y" }), DiagnosticCode.BadHeaderValue, "rules[0].contentDisposition");
        AssertRefused(WithRule(Rule() with { SseKmsKeyId = "alias/k\r\nx: y", ServerSideEncryption = "aws:kms" }), DiagnosticCode.BadHeaderValue, "rules[0].sseKmsKeyId");
    }

    [Fact]
    public void Metadata_names_must_be_tokens_and_values_free_of_control_characters()
    {
        AssertRefused(WithRule(Rule() with { Metadata = new Dictionary<string, string> { ["a\r\nx-amz-acl"] = "v" } }), DiagnosticCode.BadHeaderValue, "rules[0].metadata");
        AssertRefused(WithRule(Rule() with { Metadata = new Dictionary<string, string> { ["auteur é"] = "v" } }), DiagnosticCode.BadHeaderValue, "rules[0].metadata");
        AssertRefused(WithRule(Rule() with { Metadata = new Dictionary<string, string> { ["author"] = "Jane\r\nx-amz-acl: public-read" } }), DiagnosticCode.BadHeaderValue, "rules[0].metadata.author");
    }

    [Fact]
    public void Non_ascii_is_accepted_where_it_is_encoded_and_refused_elsewhere()
    {
        WithRule(Rule() with { Metadata = new Dictionary<string, string> { ["author"] = "Zoë" }, ContentDisposition = "attachment; filename=\"naïve.pdf\"" }).Validate();

        AssertRefused(WithRule(Rule() with { ContentDisposition = "pièce-jointe" }), DiagnosticCode.BadHeaderValue, "rules[0].contentDisposition");
        AssertRefused(WithRule(Rule() with { CacheControl = "max-âge=1" }), DiagnosticCode.BadHeaderValue, "rules[0].cacheControl");
        AssertRefused(WithRule(Rule() with { ContentType = "text/plain; charset=utf-8; title=é" }), DiagnosticCode.BadHeaderValue, "rules[0].contentType");
    }

    [Theory]
    [InlineData("/.s3deploy/manifest.json")]
    [InlineData("/../../other/x")]
    [InlineData("/a/..")]
    [InlineData("/./x")]
    [InlineData("//evil")]
    public void Redirects_that_name_tool_owned_or_outside_keys_are_refused(string path) =>
        AssertRefused(Valid with { Redirects = new Dictionary<string, string> { [path] = "/new/" } }, DiagnosticCode.BadRedirect, $"redirects['{path}']");

    [Fact]
    public void A_redirect_location_with_a_line_break_is_a_bad_header_and_a_protocol_relative_one_a_bad_redirect()
    {
        AssertRefused(Valid with { Redirects = new Dictionary<string, string> { ["/old"] = "/new\r\nx-amz-acl: public-read" } }, DiagnosticCode.BadHeaderValue, "redirects['/old']");
        AssertRefused(Valid with { Redirects = new Dictionary<string, string> { ["/old"] = "//evil.example/" } }, DiagnosticCode.BadRedirect, "redirects['/old']");
        AssertRefused(Valid with { Redirects = new Dictionary<string, string> { ["/old"] = "/new\u00e9" } }, DiagnosticCode.BadHeaderValue, "redirects['/old']");
    }

    [Fact]
    public void A_line_break_in_a_redirect_path_is_shown_escaped()
    {
        var e = Assert.Throws<DeployException>((Valid with { Redirects = new Dictionary<string, string> { ["/a\r\nb"] = "/new/" } }).Validate);

        Assert.Equal(DiagnosticCode.BadRedirect, e.Code);
        Assert.Contains("\\u000d", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void The_cli_option_is_named_when_the_value_came_from_the_command_line()
    {
        var config = new DeployConfig { Source = "site", Target = "s3://bucket-a/www", CacheControl = Injection };

        var e = Assert.Throws<DeployException>(() => config.ToOptions(dryRun: false));

        Assert.Equal("S3D044", e.Code);
        Assert.StartsWith("--cache-control: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("\\u000d", e.Message, StringComparison.Ordinal);
    }
}
