using S3Deploy.Core.Headers;
using static S3Deploy.Tests.HeaderPolicies;

namespace S3Deploy.Tests;

/// <summary>Which files are entry documents (revalidated on every visit), by name or by a rule's entry flag.</summary>
public sealed class HeaderPolicyEntryTests
{
    [Fact]
    public void Entry_true_makes_an_entry_document_with_the_revalidate_default()
    {
        var d = Describe(Policy(Rule("feed.xml") with { Entry = true }), "feed.xml");

        Assert.True(d.IsEntryDocument);
        Assert.Equal(CacheDefaults.Entry, d.Headers.CacheControl);
    }

    [Fact]
    public void Entry_true_on_a_fingerprinted_name_still_revalidates()
    {
        var d = Describe(Policy(Rule("*.js") with { Entry = true }), "app.3f9c2a1b.js");

        Assert.True(d.IsEntryDocument);
        Assert.Equal(CacheDefaults.Entry, d.Headers.CacheControl);
    }

    [Fact]
    public void Entry_false_on_an_html_file_makes_it_a_non_entry()
    {
        var d = Describe(Policy(Rule("fragments/*.html") with { Entry = false }), "fragments/nav.html");

        Assert.False(d.IsEntryDocument);
        Assert.Equal(CacheDefaults.Other, d.Headers.CacheControl);
    }

    [Fact]
    public void A_later_rule_without_entry_keeps_the_earlier_rules_entry()
    {
        var policy = Policy(
            Rule("*.xml") with { Entry = true },
            Rule("**") with { ContentDisposition = "inline" });

        Assert.True(Describe(policy, "feed.xml").IsEntryDocument);
    }

    [Fact]
    public void Entry_with_a_cache_control_rule_keeps_the_rules_cache_control()
    {
        var d = Describe(Policy(Rule("feed.xml") with { Entry = true, CacheControl = "public, max-age=600" }), "feed.xml");

        Assert.True(d.IsEntryDocument);
        Assert.Equal("public, max-age=600", d.Headers.CacheControl);
    }
}
