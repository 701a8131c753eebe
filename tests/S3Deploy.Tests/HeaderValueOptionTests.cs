using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using static S3Deploy.Tests.CliRun;

namespace S3Deploy.Tests;

/// <summary>Header values and redirects checked by the one validator before anything is contacted, whichever source gave them.</summary>
public sealed class HeaderValueOptionTests : IDisposable
{
    private const string Injection = "max-age=1\r\nx-amz-acl: public-read";

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static DeployConfig Valid() => new() { Source = "site", Target = "s3://bucket-a/www" };

    private static DeployConfig WithRule(RuleConfig rule) => new() { Source = "site", Target = "s3://bucket-a/www", Rules = [rule] };

    private static DeployConfig WithRedirect(string from, string to) => new() { Source = "site", Target = "s3://bucket-a/www", Redirects = new() { [from] = to } };

    private static void AssertRefused(DeployConfig config, string code, string field)
    {
        var e = Assert.Throws<DeployException>(() => config.ToOptions(dryRun: false));

        Assert.Equal(code, e.Code);
        Assert.Equal(FailureKind.Usage, e.Kind);
        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
    }

    [Fact]
    public void A_line_break_in_the_default_cache_control_is_refused_naming_the_field()
    {
        var config = Valid();
        config.CacheControl = Injection;

        AssertRefused(config, "S3D044", "cacheControl: ");
    }

    [Fact]
    public void A_line_break_in_any_rule_header_is_refused_naming_the_rule_field()
    {
        AssertRefused(WithRule(new() { Match = "**", CacheControl = Injection }), DiagnosticCode.BadHeaderValue, "rules[0].cacheControl: ");
        AssertRefused(WithRule(new() { Match = "**", ContentType = "text/html\r\nx-amz-acl: public-read" }), DiagnosticCode.BadHeaderValue, "rules[0].contentType: ");
        AssertRefused(WithRule(new() { Match = "**", ContentEncoding = "gzip\n" }), DiagnosticCode.BadHeaderValue, "rules[0].contentEncoding: ");
        AssertRefused(WithRule(new() { Match = "**", ContentDisposition = "attachment\r\nx: y" }), DiagnosticCode.BadHeaderValue, "rules[0].contentDisposition: ");
        AssertRefused(WithRule(new() { Match = "**", SseKmsKeyId = "alias/k\r\nx: y", Sse = "aws:kms" }), DiagnosticCode.BadHeaderValue, "rules[0].sseKmsKeyId: ");
    }

    [Fact]
    public void Metadata_names_must_be_tokens_and_values_free_of_control_characters()
    {
        AssertRefused(WithRule(new() { Match = "**", Metadata = new() { ["a\r\nx-amz-acl"] = "v" } }), DiagnosticCode.BadHeaderValue, "rules[0].metadata[");
        AssertRefused(WithRule(new() { Match = "**", Metadata = new() { ["auteur é"] = "v" } }), DiagnosticCode.BadHeaderValue, "rules[0].metadata['auteur é']: ");
        AssertRefused(WithRule(new() { Match = "**", Metadata = new() { ["author"] = "Jane\r\nx-amz-acl: public-read" } }), DiagnosticCode.BadHeaderValue, "rules[0].metadata.author: ");
    }

    [Fact]
    public void Non_ascii_is_accepted_where_it_is_encoded_and_refused_elsewhere()
    {
        WithRule(new() { Match = "**", Metadata = new() { ["author"] = "Zoë" }, ContentDisposition = "attachment; filename=\"naïve.pdf\"" }).ToOptions(dryRun: false);

        AssertRefused(WithRule(new() { Match = "**", ContentDisposition = "pièce-jointe" }), DiagnosticCode.BadHeaderValue, "rules[0].contentDisposition: ");
        AssertRefused(WithRule(new() { Match = "**", CacheControl = "max-âge=1" }), DiagnosticCode.BadHeaderValue, "rules[0].cacheControl: ");
        AssertRefused(WithRule(new() { Match = "**", ContentType = "text/plain; charset=utf-8; title=é" }), DiagnosticCode.BadHeaderValue, "rules[0].contentType: ");
    }

    [Theory]
    [InlineData("/.s3deploy/manifest.json")]
    [InlineData("/../../other/x")]
    [InlineData("/a/..")]
    [InlineData("/./x")]
    [InlineData("//evil")]
    public void Redirects_that_name_tool_owned_or_outside_keys_are_refused(string path) =>
        AssertRefused(WithRedirect(path, "/new/"), DiagnosticCode.BadRedirect, $"redirects['{path}']: ");

    [Fact]
    public void A_redirect_location_with_a_line_break_is_a_bad_header_and_a_protocol_relative_one_a_bad_redirect()
    {
        AssertRefused(WithRedirect("/old", "/new\r\nx-amz-acl: public-read"), DiagnosticCode.BadHeaderValue, "redirects['/old']: ");
        AssertRefused(WithRedirect("/old", "//evil.example/"), DiagnosticCode.BadRedirect, "redirects['/old']: ");
        AssertRefused(WithRedirect("/old", "/new\u00e9"), DiagnosticCode.BadHeaderValue, "redirects['/old']: ");
    }

    [Fact]
    public void A_line_break_in_a_redirect_path_is_shown_escaped()
    {
        var e = Assert.Throws<DeployException>(() => WithRedirect("/a\r\nb", "/new/").ToOptions(dryRun: false));

        Assert.Equal(DiagnosticCode.BadRedirect, e.Code);
        Assert.Contains("\\u000d", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task The_cli_option_is_named_when_the_value_came_from_the_command_line()
    {
        var (exit, _, err) = await Run("plan", temp.Path, "s3://bucket-a/www", "--cache-control", Injection);

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D044: --cache-control: ", err, StringComparison.Ordinal);
        Assert.Contains("\\u000d", err.Split('\n')[0], StringComparison.Ordinal);
    }
}
