using System.Text.Json.Nodes;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Website;

namespace S3Deploy.Tests.Website;

public sealed class PublicReadPolicyTests
{
    [Fact]
    public void No_policy_yet_gives_an_allow_for_the_prefix_and_a_deny_for_anonymous_manifest_reads()
    {
        var policy = JsonNode.Parse(PublicReadPolicy.Merge(null, "my-site", "www")!)!;

        var statements = policy["Statement"]!.AsArray();
        Assert.Equal("2012-10-17", policy["Version"]!.GetValue<string>());
        Assert.Equal(2, statements.Count);
        var allow = statements[0]!;
        Assert.Equal("Allow", allow["Effect"]!.GetValue<string>());
        Assert.Equal("*", allow["Principal"]!.GetValue<string>());
        Assert.Equal("s3:GetObject", allow["Action"]!.GetValue<string>());
        Assert.Equal("arn:aws:s3:::my-site/www/*", allow["Resource"]!.GetValue<string>());
        var deny = statements[1]!;
        Assert.Equal("Deny", deny["Effect"]!.GetValue<string>());
        Assert.Equal("arn:aws:s3:::my-site/www/.s3deploy/*", deny["Resource"]!.GetValue<string>());
        Assert.Equal("Anonymous", deny["Condition"]!["StringEquals"]!["aws:PrincipalType"]!.GetValue<string>());
    }

    [Fact]
    public void Whole_bucket_deploy_covers_every_key()
    {
        var policy = JsonNode.Parse(PublicReadPolicy.Merge(null, "my-site", "")!)!;

        Assert.Equal("arn:aws:s3:::my-site/*", policy["Statement"]![0]!["Resource"]!.GetValue<string>());
        Assert.Equal("arn:aws:s3:::my-site/.s3deploy/*", policy["Statement"]![1]!["Resource"]!.GetValue<string>());
    }

    [Fact]
    public void Existing_statements_of_others_are_kept()
    {
        const string existing = """
            {"Version":"2012-10-17","Statement":[{"Sid":"CloudFrontOAC","Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::my-site/*"}]}
            """;

        var statements = JsonNode.Parse(PublicReadPolicy.Merge(existing, "my-site", "www")!)!["Statement"]!.AsArray();

        Assert.Equal(3, statements.Count);
        Assert.Equal("CloudFrontOAC", statements[0]!["Sid"]!.GetValue<string>());
    }

    [Fact]
    public void A_policy_that_already_has_the_statements_needs_no_write()
    {
        var first = PublicReadPolicy.Merge(null, "my-site", "www")!;

        Assert.Null(PublicReadPolicy.Merge(first, "my-site", "www"));
    }

    [Fact]
    public void Each_prefix_keeps_its_own_statements()
    {
        var www = PublicReadPolicy.Merge(null, "my-site", "www")!;

        var both = JsonNode.Parse(PublicReadPolicy.Merge(www, "my-site", "docs")!)!["Statement"]!.AsArray();

        Assert.Equal(4, both.Count);
        Assert.Equal(4, both.Select(s => s!["Sid"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public void A_single_statement_object_is_read_as_a_list()
    {
        const string single = """{"Version":"2012-10-17","Statement":{"Sid":"Other","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::my-site/*"}}""";

        var statements = JsonNode.Parse(PublicReadPolicy.Merge(single, "my-site", "")!)!["Statement"]!.AsArray();

        Assert.Equal(["Other", "S3DeployPublicRead", "S3DeployHideManifest"], statements.Select(s => s!["Sid"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><Error><Code>NoSuchBucketPolicy</Code></Error>")]
    [InlineData("not json")]
    [InlineData("[]")]
    public void A_policy_that_is_not_a_JSON_object_is_refused_with_its_code(string policy)
    {
        var e = Assert.Throws<DeployException>(() => PublicReadPolicy.Merge(policy, "my-site", ""));

        Assert.Equal((DiagnosticCode.PolicyNotJson, FailureKind.Refused), (e.Code, e.Kind));
        Assert.Contains("my-site", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    public void Partition_follows_the_region(string region, string partition) =>
        Assert.Equal(partition, PublicReadPolicy.PartitionOf(region));
}
