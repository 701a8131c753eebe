using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests;

/// <summary>Mistakes of syntax and type in s3deploy.json, named by line and field.</summary>
public sealed class ConfigFileSyntaxTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private DeployException LoadFails(string json) => ConfigErrors.LoadFails(temp, json);

    private static void AssertError(DeployException e, string code, int line, string field) => ConfigErrors.AssertError(e, code, line, field);

    [Fact]
    public void Bad_json_names_the_line_and_column()
    {
        var e = LoadFails("""
            {
              "source": "site",
              "target": "s3://bucket-a"
              "delete": false
            }
            """);

        AssertError(e, DiagnosticCode.ConfigSyntax, 4, "not valid JSON");
        Assert.Equal("S3D041", e.Code);
    }

    [Fact]
    public void A_null_document_is_a_syntax_error()
    {
        var e = LoadFails("null");

        AssertError(e, DiagnosticCode.ConfigSyntax, 1, "JSON object");
    }

    [Fact]
    public void Unknown_top_level_field_is_named()
    {
        var e = LoadFails("""
            {
              "source": "site",
              "colour": "blue"
            }
            """);

        AssertError(e, DiagnosticCode.ConfigUnknownField, 3, "'colour'");
        Assert.Equal("S3D042", e.Code);
    }

    [Fact]
    public void Unknown_field_inside_a_rule_is_named_with_its_path()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css" },
                {
                  "match": "*.js",
                  "colour": "red"
                }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigUnknownField, 6, "rules[1].colour");
    }

    [Theory]
    [InlineData("concurrency", "\"many\"", "expected a whole number")]
    [InlineData("maxDeletes", "1.5", "expected a whole number")]
    [InlineData("delete", "\"yes\"", "expected true or false")]
    [InlineData("rules", "{}", "expected an array")]
    [InlineData("exclude", "\"*.map\"", "expected an array")]
    [InlineData("source", "42", "expected a string")]
    [InlineData("redirects", "[]", "expected an object")]
    public void Wrong_type_names_the_field_and_the_expected_type(string field, string value, string expected)
    {
        var e = LoadFails($$"""
            {
              "target": "s3://bucket-a",
              "{{field}}": {{value}}
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, $"{field}: {expected}");
        Assert.Equal("S3D043", e.Code);
    }

    [Fact]
    public void Wrong_type_inside_a_rule_names_the_nested_field()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css" },
                { "match": "*.xml",
                  "entry": "yes" }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 5, "rules[1].entry: expected true or false");
    }

}
