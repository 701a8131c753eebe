using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public class S3TargetTests
{
    [Fact]
    public void Bucket_only_has_an_empty_prefix()
    {
        var target = S3Target.Parse("s3://my-site");

        Assert.Equal("my-site", target.Bucket);
        Assert.Equal("", target.Prefix);
        Assert.Equal("", target.KeyPrefix);
        Assert.Equal("s3://my-site", target.ToString());
    }

    [Fact]
    public void Bucket_and_prefix_are_split_at_the_first_slash()
    {
        var target = S3Target.Parse("s3://my-site/releases/v2");

        Assert.Equal("my-site", target.Bucket);
        Assert.Equal("releases/v2", target.Prefix);
        Assert.Equal("s3://my-site/releases/v2", target.ToString());
    }

    [Theory]
    [InlineData("s3://my-site/", "")]
    [InlineData("s3://my-site/site/", "site")]
    [InlineData("s3://my-site/site///", "site")]
    [InlineData("s3://my-site/a/b/", "a/b")]
    public void Trailing_slashes_are_trimmed_from_the_prefix(string value, string prefix)
    {
        var target = S3Target.Parse(value);

        Assert.Equal("my-site", target.Bucket);
        Assert.Equal(prefix, target.Prefix);
    }

    [Fact]
    public void Scheme_is_case_insensitive() =>
        Assert.Equal(new S3Target("my-site", "p"), S3Target.Parse("S3://my-site/p"));

    [Fact]
    public void Prefix_site_has_key_prefix_with_boundary_slash()
    {
        var target = S3Target.Parse("s3://bucket/site");

        Assert.Equal("site/", target.KeyPrefix);
    }

    [Fact]
    public void KeyFor_prepends_the_key_prefix()
    {
        Assert.Equal("site/css/app.css", S3Target.Parse("s3://bucket/site").KeyFor("css/app.css"));
        Assert.Equal("css/app.css", S3Target.Parse("s3://bucket").KeyFor("css/app.css"));
    }

    [Fact]
    public void RelativeKey_removes_the_key_prefix()
    {
        Assert.Equal("css/app.css", S3Target.Parse("s3://bucket/site").RelativeKey("site/css/app.css"));
        Assert.Equal("css/app.css", S3Target.Parse("s3://bucket").RelativeKey("css/app.css"));
    }

    [Fact]
    public void KeyFor_and_RelativeKey_round_trip()
    {
        var target = S3Target.Parse("s3://bucket/a/b");

        Assert.Equal("x/y.html", target.RelativeKey(target.KeyFor("x/y.html")));
    }

    [Theory]
    [InlineData("http://my-site")]
    [InlineData("https://my-site/prefix")]
    [InlineData("my-site/prefix")]
    [InlineData("s3:/my-site")]
    [InlineData("")]
    public void Target_without_s3_scheme_is_a_usage_error(string value) => AssertBadTarget(value);

    [Theory]
    [InlineData("s3://My-Site")]
    [InlineData("s3://ab")]
    [InlineData("s3://")]
    [InlineData("s3:///prefix")]
    [InlineData("s3://-bucket")]
    [InlineData("s3://bucket-")]
    [InlineData("s3://my site")]
    public void Invalid_bucket_name_is_a_usage_error(string value) => AssertBadTarget(value);

    [Fact]
    public void Bucket_name_of_64_characters_is_refused_and_63_accepted()
    {
        AssertBadTarget("s3://" + new string('a', 64));

        Assert.Equal(63, S3Target.Parse("s3://" + new string('a', 63)).Bucket.Length);
        Assert.Equal("abc", S3Target.Parse("s3://abc").Bucket);
    }

    [Fact]
    public void Prefix_with_an_empty_segment_is_a_usage_error() => AssertBadTarget("s3://bucket/a//b");

    [Fact]
    public void Error_message_names_the_target_and_the_expected_form()
    {
        var e = Assert.Throws<DeployException>(() => S3Target.Parse("s3://BAD"));

        Assert.Contains("s3://BAD", e.Message, StringComparison.Ordinal);
        Assert.Contains("s3://BUCKET/PREFIX", e.Message, StringComparison.Ordinal);
    }

    private static void AssertBadTarget(string value)
    {
        var e = Assert.Throws<DeployException>(() => S3Target.Parse(value));
        Assert.Equal("S3D005", e.Code);
        Assert.Equal(FailureKind.Usage, e.Kind);
    }
}
