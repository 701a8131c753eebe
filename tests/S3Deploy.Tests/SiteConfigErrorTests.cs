using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests;

/// <summary>Mistakes in the site sections of s3deploy.json, named by line and field.</summary>
public sealed class SiteConfigErrorTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string json) => temp.Write("s3deploy.json", json);

    private DeployConfig Load(string json) => ConfigFile.Load(Write(json));

    private DeployException LoadFails(string json) => ConfigErrors.LoadFails(temp, json);

    private static void AssertError(DeployException e, string code, int line, string field) => ConfigErrors.AssertError(e, code, line, field);

    [Theory]
    [InlineData("\"soon\"")]
    [InlineData("\"10\"")]
    [InlineData("\"-1h\"")]
    [InlineData("\"\"")]
    public void Bad_keep_stale_names_the_field(string value)
    {
        var e = LoadFails($$"""
            {
              "source": "site",
              "keepStale": {{value}}
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "keepStale: ");
        Assert.Contains("is not a duration", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_wait_timeout_names_the_nested_field()
    {
        var e = LoadFails("""
            {
              "cloudfront": {
                "distributions": ["E123"],
                "waitTimeout": "forever"
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "cloudfront.waitTimeout: \"forever\" is not a duration");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Max_paths_below_one_names_the_field(string value)
    {
        var e = LoadFails($$"""
            {
              "cloudfront": {
                "maxPaths": {{value}}
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "cloudfront.maxPaths: must be at least 1");
    }

    [Theory]
    [InlineData("E2-QWRU")]
    [InlineData("")]
    [InlineData("E 123")]
    [InlineData("arn:aws:cloudfront::1:distribution/E1")]
    public void Bad_distribution_id_names_its_index(string id)
    {
        var e = LoadFails($$"""
            {
              "cloudfront": {
                "distributions": [
                  "E2QWRUHAPOMQZL",
                  "{{id}}"
                ]
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 5, $"cloudfront.distributions[1]: \"{id}\" is not a distribution id");
    }

    [Theory]
    [InlineData("a/b.html")]
    [InlineData("/index.html")]
    [InlineData("")]
    public void Index_with_a_slash_or_empty_names_the_field(string index)
    {
        var e = LoadFails($$"""
            {
              "website": {
                "error": "404.html",
                "index": "{{index}}"
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "website.index: must be a file name without '/'");
    }

    [Fact]
    public void Fifty_routing_rules_are_accepted_and_fifty_one_are_not()
    {
        static string Config(int count) =>
            "{\n  \"website\": {\n    \"routingRules\": [\n"
            + string.Join(",\n", Enumerable.Range(0, count).Select(i => $"      {{ \"redirect\": {{ \"replaceKeyWith\": \"r{i}.html\" }} }}"))
            + "\n    ]\n  }\n}";

        var fifty = Load(Config(50));
        fifty.Validate();

        Assert.Equal(50, fifty.Website!.RoutingRules!.Count);

        var e = LoadFails(Config(51));

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "website.routingRules: S3 allows at most 50 routing rules, not 51");
    }

    [Fact]
    public void Routing_rule_without_redirect_names_the_rule()
    {
        var e = LoadFails("""
            {
              "website": {
                "routingRules": [
                  { "redirect": { "replaceKeyWith": "a.html" } },
                  {
                    "condition": { "keyPrefixEquals": "docs/" }
                  }
                ]
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 5, "website.routingRules[1]: every routing rule needs \"redirect\"");
    }

    [Fact]
    public void Both_replace_fields_in_one_redirect_name_the_redirect()
    {
        var e = LoadFails("""
            {
              "website": {
                "routingRules": [
                  {
                    "redirect": {
                      "replaceKeyPrefixWith": "documents/",
                      "replaceKeyWith": "a.html"
                    }
                  }
                ]
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 5, "website.routingRules[0].redirect: use replaceKeyPrefixWith or replaceKeyWith, not both");
    }

    [Fact]
    public void Protocol_other_than_http_or_https_names_the_field()
    {
        var e = LoadFails("""
            {
              "website": {
                "routingRules": [
                  {
                    "redirect": {
                      "hostName": "example.com",
                      "protocol": "ftp"
                    }
                  }
                ]
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 7, "website.routingRules[0].redirect.protocol: must be \"http\" or \"https\"");
    }

    // Was a NullReferenceException (ConfigValidator dereferenced the id).
    [Fact]
    public void Null_distribution_id_names_its_index()
    {
        var e = LoadFails("""
            {
              "cloudfront": {
                "distributions": [ null ]
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "cloudfront.distributions[0]");
    }

    // Was a NullReferenceException (ConfigValidator dereferenced the rule).
    [Fact]
    public void Null_routing_rule_names_the_rule()
    {
        var e = LoadFails("""
            {
              "website": {
                "routingRules": [
                  null
                ]
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "website.routingRules[0]");
    }

    [Fact]
    public void Unknown_field_inside_website_is_named_with_its_path()
    {
        var e = LoadFails("""
            {
              "website": {
                "index": "index.html",
                "colour": "blue"
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigUnknownField, 4, "'website.colour'");
        Assert.Equal("S3D042", e.Code);
    }

    [Fact]
    public void Unknown_field_inside_cloudfront_is_named_with_its_path()
    {
        var e = LoadFails("""
            {
              "cloudfront": {
                "distribution": "E123"
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigUnknownField, 3, "'cloudfront.distribution'");
    }

    [Theory]
    [InlineData("website", "1", "expected true, false or an object")]
    [InlineData("website", "\"yes\"", "expected true, false or an object")]
    [InlineData("cloudfront", "[]", "expected an object")]
    [InlineData("public", "\"yes\"", "expected true or false")]
    [InlineData("keepStale", "24", "expected a string")]
    public void Wrong_type_of_a_site_field_names_the_expected_type(string field, string value, string expected)
    {
        var e = LoadFails($$"""
            {
              "source": "site",
              "{{field}}": {{value}}
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, $"{field}: {expected}");
    }

}
