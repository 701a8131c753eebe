using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Website;

namespace S3Deploy.Tests.Website;

/// <summary>The public access part of the plan: the block before and after, and whether the policy statements are added or replaced.</summary>
public sealed class AccessPlanTests
{
    [Fact]
    public void A_full_block_is_planned_with_only_its_policy_settings_off_after()
    {
        var current = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true };

        var change = PublicAccessBlockChange.Plan(current);

        Assert.True(change.Changes);
        Assert.Equal(new AccessBlockFlags(true, true, true, true), change.Before);
        Assert.Equal(new AccessBlockFlags(true, true, false, false), change.After);
    }

    [Fact]
    public void No_block_or_an_acl_only_block_stays_as_it_is()
    {
        var aclOnly = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = false, RestrictPublicBuckets = false };

        var none = PublicAccessBlockChange.Plan(null);
        var acl = PublicAccessBlockChange.Plan(aclOnly);

        Assert.Equal((false, null, null), (none.Changes, none.Before, none.After));
        Assert.False(acl.Changes);
        Assert.Equal(acl.Before, acl.After);
    }

    [Fact]
    public void No_policy_yet_means_the_statements_are_added_with_the_document_to_write()
    {
        var change = PublicReadPolicy.Plan(null, "my-site", "");

        Assert.Equal(PolicyChangeKind.Add, change.Change);
        Assert.Equal(["S3DeployPublicRead", "S3DeployHideManifest"], change.StatementIds);
        Assert.Equal(0, change.OtherStatements);
        Assert.Equal(PublicReadPolicy.Merge(null, "my-site", ""), change.Document);
    }

    [Fact]
    public void A_policy_holding_the_statements_already_needs_no_change_and_counts_the_others()
    {
        const string other = """{"Sid":"Logs","Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::my-site/logs/*"}""";
        var ours = PublicReadPolicy.Merge($$"""{"Version":"2012-10-17","Statement":[{{other}}]}""", "my-site", "");

        var change = PublicReadPolicy.Plan(ours, "my-site", "");

        Assert.Equal((PolicyChangeKind.None, 1, null), (change.Change, change.OtherStatements, change.Document));
    }

    [Fact]
    public void Statements_with_our_sids_that_differ_are_replaced()
    {
        var ours = PublicReadPolicy.Merge(null, "my-site", "")!.Replace("s3:GetObject", "s3:GetObjectVersion", StringComparison.Ordinal);

        var change = PublicReadPolicy.Plan(ours, "my-site", "");

        Assert.Equal(PolicyChangeKind.Replace, change.Change);
        Assert.Contains("\"s3:GetObject\"", change.Document, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_that_is_not_JSON_is_refused_while_planning()
    {
        var e = Assert.Throws<DeployException>(() => PublicReadPolicy.Plan("not json", "my-site", ""));

        Assert.Equal((DiagnosticCode.PolicyNotJson, FailureKind.Refused), (e.Code, e.Kind));
    }
}
