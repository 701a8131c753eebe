using S3Deploy.Core;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Website;

namespace S3Deploy.Tests;

/// <summary>"website", "public", "keepStale" and "cloudfront" in s3deploy.json, and how they reach DeployOptions.</summary>
public sealed class SiteConfigTests : IDisposable
{
    private const string FullConfig = """
        {
          "source": "site",
          "target": "s3://bucket-a/www",
          "website": {
            "index": "home.html",
            "error": "errors/404.html",
            "spa": true,
            "routingRules": [
              {
                "condition": { "keyPrefixEquals": "docs/", "httpErrorCodeReturnedEquals": "404" },
                "redirect": { "protocol": "https", "hostName": "example.com", "replaceKeyPrefixWith": "documents/", "httpRedirectCode": "301" }
              },
              { "redirect": { "replaceKeyWith": "gone.html" } }
            ]
          },
          "public": true,
          "keepStale": "1h30m",
          "cloudfront": {
            "distributions": ["E2QWRUHAPOMQZL", "E1ABCDEF"],
            "wait": false,
            "waitTimeout": "5m",
            "failOnTimeout": true,
            "maxPaths": 40,
            "endpointUrl": "http://localhost:4999"
          }
        }
        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string json) => temp.Write("s3deploy.json", json);

    private DeployConfig Load(string json) => ConfigFile.Load(Write(json));

    private DeployException LoadFails(string json) => ConfigErrors.LoadFails(temp, json);

    private static void AssertError(DeployException e, string code, int line, string field) => ConfigErrors.AssertError(e, code, line, field);

    [Fact]
    public void Full_site_config_maps_into_deploy_options()
    {
        var options = Load(FullConfig).ToOptions(false);

        var website = Assert.IsType<WebsiteSettings>(options.Website);
        Assert.Equal(("home.html", "errors/404.html", true), (website.Index, website.Error, website.Spa));
        Assert.Equal(2, website.RoutingRules.Count);
        Assert.Equal(
            new WebsiteRoutingRule
            {
                KeyPrefixEquals = "docs/",
                HttpErrorCodeReturnedEquals = "404",
                Protocol = "https",
                HostName = "example.com",
                ReplaceKeyPrefixWith = "documents/",
                HttpRedirectCode = "301",
            },
            website.RoutingRules[0]);
        Assert.Equal(new WebsiteRoutingRule { ReplaceKeyWith = "gone.html" }, website.RoutingRules[1]);

        Assert.True(options.Public);
        Assert.Equal(TimeSpan.FromMinutes(90), options.KeepStale);

        var cloudfront = options.CloudFront;
        Assert.Equal(["E2QWRUHAPOMQZL", "E1ABCDEF"], cloudfront.Distributions);
        Assert.False(cloudfront.Wait);
        Assert.Equal(TimeSpan.FromMinutes(5), cloudfront.WaitTimeout);
        Assert.True(cloudfront.FailOnTimeout);
        Assert.Equal(40, cloudfront.MaxPaths);
        Assert.Equal("http://localhost:4999", cloudfront.EndpointUrl);

        options.Validate();
    }

    [Fact]
    public void Without_the_sections_there_is_no_website_no_public_access_no_keep_stale_and_no_distribution()
    {
        var options = Load("""{ "source": "site", "target": "s3://bucket-a" }""").ToOptions(false);

        Assert.Null(options.Website);
        Assert.False(options.Public);
        Assert.Equal(TimeSpan.Zero, options.KeepStale);
        Assert.Equal(new CloudFrontSettings(), options.CloudFront with { Distributions = new CloudFrontSettings().Distributions });
        Assert.Empty(options.CloudFront.Distributions);
    }

    [Fact]
    public void An_empty_website_object_gives_the_defaults()
    {
        var website = Assert.IsType<WebsiteSettings>(Load("""{ "source": "site", "target": "s3://bucket-a", "website": {} }""").ToOptions(false).Website);

        Assert.Equal("index.html", website.Index);
        Assert.Null(website.Error);
        Assert.False(website.Spa);
        Assert.Empty(website.RoutingRules);
    }

    [Fact]
    public void An_empty_cloudfront_object_gives_the_defaults()
    {
        var cloudfront = Load("""{ "source": "site", "target": "s3://bucket-a", "cloudfront": {} }""").ToOptions(false).CloudFront;

        Assert.Empty(cloudfront.Distributions);
        Assert.True(cloudfront.Wait);
        Assert.Equal(TimeSpan.FromMinutes(15), cloudfront.WaitTimeout);
        Assert.False(cloudfront.FailOnTimeout);
        Assert.Equal(25, cloudfront.MaxPaths);
        Assert.Null(cloudfront.EndpointUrl);
    }

    [Fact]
    public void Only_distributions_keeps_every_other_default()
    {
        var cloudfront = Load("""{ "source": "site", "target": "s3://bucket-a", "cloudfront": { "distributions": ["E123"] } }""").ToOptions(false).CloudFront;

        Assert.Equal(["E123"], cloudfront.Distributions);
        Assert.Equal((true, TimeSpan.FromMinutes(15), false, 25), (cloudfront.Wait, cloudfront.WaitTimeout, cloudfront.FailOnTimeout, cloudfront.MaxPaths));
    }

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

        Assert.Equal(50, Load(Config(50)).Website!.RoutingRules!.Count);

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

    [Fact]
    public void Bad_keep_stale_from_the_command_line_names_the_option()
    {
        var e = Assert.Throws<DeployException>(() => new DeployConfig { Source = "x", Target = "s3://bucket-a", KeepStale = "soon" }.ToOptions(false));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Contains("--keep-stale", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_spa_keeps_the_files_error_document_and_rules()
    {
        var file = Load(FullConfig.Replace("\"spa\": true", "\"spa\": false", StringComparison.Ordinal));
        var cli = new DeployConfig { Website = new WebsiteConfig { Spa = true } };

        var merged = file.OverriddenBy(cli);

        Assert.True(merged.Website!.Spa);
        Assert.Equal("errors/404.html", merged.Website.Error);
        Assert.Equal("home.html", merged.Website.Index);
        Assert.Same(file.Website!.RoutingRules, merged.Website.RoutingRules);
        var website = merged.ToOptions(false).Website!;
        Assert.Equal(("home.html", "errors/404.html", true), (website.Index, website.Error, website.Spa));
    }

    [Fact]
    public void Command_line_website_fields_override_the_files_one_by_one()
    {
        var file = Load(FullConfig);
        var cli = new DeployConfig { Website = new WebsiteConfig { Index = "start.html", Error = "oops.html", Spa = false, RoutingRules = [] } };

        var merged = file.OverriddenBy(cli).Website!;

        Assert.Equal(("start.html", "oops.html", false), (merged.Index, merged.Error, merged.Spa));
        Assert.Empty(merged.RoutingRules!);
    }

    [Fact]
    public void Command_line_website_without_a_file_section_is_taken_as_is()
    {
        var file = Load("""{ "source": "site", "target": "s3://bucket-a" }""");
        var cli = new DeployConfig { Website = new WebsiteConfig { Error = "404.html" } };

        var website = file.OverriddenBy(cli).ToOptions(false).Website!;

        Assert.Equal(("index.html", "404.html", false), (website.Index, website.Error, website.Spa));
    }

    [Fact]
    public void Command_line_distributions_replace_the_files_and_keep_its_other_cloudfront_fields()
    {
        var file = Load(FullConfig);
        var cli = new DeployConfig { Cloudfront = new CloudFrontConfig { Distributions = ["ECLI"] } };

        var cloudfront = file.OverriddenBy(cli).ToOptions(false).CloudFront;

        Assert.Equal(["ECLI"], cloudfront.Distributions);
        Assert.False(cloudfront.Wait);
        Assert.Equal(TimeSpan.FromMinutes(5), cloudfront.WaitTimeout);
        Assert.True(cloudfront.FailOnTimeout);
        Assert.Equal(40, cloudfront.MaxPaths);
        Assert.Equal("http://localhost:4999", cloudfront.EndpointUrl);
    }

    [Fact]
    public void Every_cloudfront_field_of_the_command_line_overrides_the_file()
    {
        var file = Load(FullConfig);
        var cli = new DeployConfig
        {
            Cloudfront = new CloudFrontConfig { Distributions = [], Wait = true, WaitTimeout = "1m", FailOnTimeout = false, MaxPaths = 3, EndpointUrl = "http://other" },
        };

        var merged = file.OverriddenBy(cli).Cloudfront!;

        Assert.Empty(merged.Distributions!);
        Assert.Equal((true, "1m", false, 3, "http://other"), (merged.Wait, merged.WaitTimeout, merged.FailOnTimeout, merged.MaxPaths, merged.EndpointUrl));
    }

    [Fact]
    public void Command_line_public_and_keep_stale_override_the_file()
    {
        var file = Load(FullConfig.Replace("\"public\": true", "\"public\": false", StringComparison.Ordinal));

        var options = file.OverriddenBy(new DeployConfig { Public = true, KeepStale = "2d" }).ToOptions(false);

        Assert.True(options.Public);
        Assert.Equal(TimeSpan.FromDays(2), options.KeepStale);
    }

    [Fact]
    public void Unset_command_line_sections_keep_the_files()
    {
        var file = Load(FullConfig);

        var merged = file.OverriddenBy(new DeployConfig());

        Assert.Equal("home.html", merged.Website!.Index);
        Assert.Equal(["E2QWRUHAPOMQZL", "E1ABCDEF"], merged.Cloudfront!.Distributions!);
        Assert.True(merged.Public);
        Assert.Equal("1h30m", merged.KeepStale);
    }
}
