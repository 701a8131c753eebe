using Amazon.S3.Model;
using S3Deploy.Core;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Website;

namespace S3Deploy.Tests.Website;

public sealed class WebsiteConfigurationsTests
{
    private static readonly S3Target Www = new("my-site", "www");

    private static readonly S3Target Root = new("my-site", "");

    private static WebsiteConfiguration Sample() => new()
    {
        IndexDocumentSuffix = "index.html",
        ErrorDocument = "www/404.html",
        RoutingRules =
        [
            new RoutingRule
            {
                Condition = new RoutingRuleCondition { KeyPrefixEquals = "docs/", HttpErrorCodeReturnedEquals = "404" },
                Redirect = new RoutingRuleRedirect
                {
                    Protocol = "https",
                    HostName = "example.com",
                    ReplaceKeyPrefixWith = "documents/",
                    HttpRedirectCode = "301",
                },
            },
        ],
    };

    [Fact]
    public void Index_and_error_document_under_the_prefix()
    {
        var config = WebsiteConfigurations.Desired(new WebsiteSettings { Error = "404.html" }, Www);

        Assert.Equal("index.html", config.IndexDocumentSuffix);
        Assert.Equal("www/404.html", config.ErrorDocument);
        Assert.Empty(config.RoutingRules);
        Assert.Null(config.RedirectAllRequestsTo);
    }

    [Fact]
    public void Error_document_without_a_prefix_is_the_plain_name()
    {
        var config = WebsiteConfigurations.Desired(new WebsiteSettings { Index = "default.htm", Error = "errors/404.html" }, Root);

        Assert.Equal("default.htm", config.IndexDocumentSuffix);
        Assert.Equal("errors/404.html", config.ErrorDocument);
    }

    [Fact]
    public void Index_document_suffix_is_not_prefixed()
    {
        Assert.Equal("home.html", WebsiteConfigurations.Desired(new WebsiteSettings { Index = "home.html" }, Www).IndexDocumentSuffix);
    }

    [Fact]
    public void Spa_serves_the_index_as_the_error_document()
    {
        var config = WebsiteConfigurations.Desired(new WebsiteSettings { Index = "app.html", Error = "404.html", Spa = true }, Www);

        Assert.Equal("app.html", config.IndexDocumentSuffix);
        Assert.Equal("www/app.html", config.ErrorDocument);
    }

    [Fact]
    public void No_error_document_gives_none()
    {
        Assert.Null(WebsiteConfigurations.Desired(new WebsiteSettings(), Www).ErrorDocument);
    }

    [Fact]
    public void Routing_rules_are_mapped_field_by_field_in_order()
    {
        var settings = new WebsiteSettings
        {
            RoutingRules =
            [
                new WebsiteRoutingRule
                {
                    KeyPrefixEquals = "docs/",
                    HttpErrorCodeReturnedEquals = "404",
                    Protocol = "https",
                    HostName = "example.com",
                    ReplaceKeyPrefixWith = "documents/",
                    HttpRedirectCode = "301",
                },
                new WebsiteRoutingRule { ReplaceKeyWith = "gone.html" },
            ],
        };

        var rules = WebsiteConfigurations.Desired(settings, Www).RoutingRules;

        Assert.Equal(2, rules.Count);
        var first = rules[0];
        Assert.Equal(("docs/", "404"), (first.Condition.KeyPrefixEquals, first.Condition.HttpErrorCodeReturnedEquals));
        Assert.Equal(
            ("https", "example.com", "documents/", (string?)null, "301"),
            (first.Redirect.Protocol, first.Redirect.HostName, first.Redirect.ReplaceKeyPrefixWith, first.Redirect.ReplaceKeyWith, first.Redirect.HttpRedirectCode));
        var second = rules[1];
        Assert.Null(second.Condition);
        Assert.Equal("gone.html", second.Redirect.ReplaceKeyWith);
        Assert.Null(second.Redirect.ReplaceKeyPrefixWith);
        Assert.Null(second.Redirect.HostName);
    }

    [Fact]
    public void Rule_with_only_an_error_code_condition_keeps_its_condition()
    {
        var settings = new WebsiteSettings { RoutingRules = [new WebsiteRoutingRule { HttpErrorCodeReturnedEquals = "403", ReplaceKeyWith = "index.html" }] };

        var rule = Assert.Single(WebsiteConfigurations.Desired(settings, Root).RoutingRules);

        Assert.Equal("403", rule.Condition.HttpErrorCodeReturnedEquals);
        Assert.Null(rule.Condition.KeyPrefixEquals);
    }

    [Fact]
    public void Desired_configuration_is_canonically_equal_to_the_same_one_built_by_hand()
    {
        var settings = new WebsiteSettings
        {
            Error = "404.html",
            RoutingRules =
            [
                new WebsiteRoutingRule
                {
                    KeyPrefixEquals = "docs/",
                    HttpErrorCodeReturnedEquals = "404",
                    Protocol = "https",
                    HostName = "example.com",
                    ReplaceKeyPrefixWith = "documents/",
                    HttpRedirectCode = "301",
                },
            ],
        };

        Assert.Equal(WebsiteConfigurations.Canonical(Sample()), WebsiteConfigurations.Canonical(WebsiteConfigurations.Desired(settings, Www)));
    }

    [Fact]
    public void Canonical_is_equal_for_equal_configurations()
    {
        Assert.Equal(WebsiteConfigurations.Canonical(Sample()), WebsiteConfigurations.Canonical(Sample()));
        Assert.NotEqual("", WebsiteConfigurations.Canonical(Sample()));
    }

    [Fact]
    public void Canonical_of_no_configuration_is_empty()
    {
        Assert.Equal("", WebsiteConfigurations.Canonical(null));
        Assert.NotEqual("", WebsiteConfigurations.Canonical(new WebsiteConfiguration()));
    }

    [Fact]
    public void Absent_and_empty_routing_rules_are_equal()
    {
        var absent = new WebsiteConfiguration { IndexDocumentSuffix = "index.html", RoutingRules = null };
        var empty = new WebsiteConfiguration { IndexDocumentSuffix = "index.html", RoutingRules = [] };

        Assert.Equal(WebsiteConfigurations.Canonical(absent), WebsiteConfigurations.Canonical(empty));
    }

    [Fact]
    public void Absent_and_empty_condition_are_equal()
    {
        var absent = Sample();
        absent.RoutingRules[0].Condition = null;
        var empty = Sample();
        empty.RoutingRules[0].Condition = new RoutingRuleCondition();

        Assert.Equal(WebsiteConfigurations.Canonical(absent), WebsiteConfigurations.Canonical(empty));
    }

    public static TheoryData<string> Changes() =>
    [
        "index", "error", "all-host", "all-protocol", "rule-added", "rule-removed", "prefix", "code", "protocol", "host", "replace-prefix", "replace-key", "redirect-code",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Canonical_differs_when_any_field_differs(string change)
    {
        var config = Sample();
        var rule = config.RoutingRules[0];
        switch (change)
        {
            case "index": config.IndexDocumentSuffix = "default.html"; break;
            case "error": config.ErrorDocument = "www/error.html"; break;
            case "all-host": config.RedirectAllRequestsTo = new RoutingRuleRedirect { HostName = "example.org" }; break;
            case "all-protocol": config.RedirectAllRequestsTo = new RoutingRuleRedirect { Protocol = "https" }; break;
            case "rule-added": config.RoutingRules.Add(new RoutingRule { Redirect = new RoutingRuleRedirect { ReplaceKeyWith = "x" } }); break;
            case "rule-removed": config.RoutingRules.Clear(); break;
            case "prefix": rule.Condition.KeyPrefixEquals = "doc/"; break;
            case "code": rule.Condition.HttpErrorCodeReturnedEquals = "403"; break;
            case "protocol": rule.Redirect.Protocol = "http"; break;
            case "host": rule.Redirect.HostName = "example.org"; break;
            case "replace-prefix": rule.Redirect.ReplaceKeyPrefixWith = "d/"; break;
            case "replace-key": rule.Redirect.ReplaceKeyWith = "d.html"; break;
            case "redirect-code": rule.Redirect.HttpRedirectCode = "302"; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        Assert.NotEqual(WebsiteConfigurations.Canonical(Sample()), WebsiteConfigurations.Canonical(config));
    }

    [Fact]
    public void Rule_order_matters()
    {
        var a = new RoutingRule { Redirect = new RoutingRuleRedirect { ReplaceKeyWith = "a.html" } };
        var b = new RoutingRule { Redirect = new RoutingRuleRedirect { ReplaceKeyWith = "b.html" } };

        Assert.NotEqual(
            WebsiteConfigurations.Canonical(new WebsiteConfiguration { RoutingRules = [a, b] }),
            WebsiteConfigurations.Canonical(new WebsiteConfiguration { RoutingRules = [b, a] }));
    }
}
