using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using S3Deploy.Core.CloudFront;

namespace S3Deploy.Tests.CloudFront;

public sealed class SigV4SignerTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2015-08-30T12:36:00Z", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("GET", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void Published_vanilla_vectors_match(string method, string url, string expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);

        SigV4Signer.Sign(request, [], Keys(), "us-east-1", "service", Now);

        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={expected}",
            Authorization(request));
        Assert.Equal("20150830T123600Z", Single(request, "X-Amz-Date"));
    }

    [Fact]
    public void Published_form_post_vector_signs_the_content_type_and_body()
    {
        var body = Encoding.UTF8.GetBytes("Param1=value1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        SigV4Signer.Sign(request, body, Keys(), "us-east-1", "service", Now);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
            Authorization(request));
    }

    [Fact]
    public void Published_iam_list_users_example_matches()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08") { Content = new ByteArrayContent([]) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

        SigV4Signer.Sign(request, [], Keys(), "us-east-1", "iam", Now);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            Authorization(request));
    }

    [Fact]
    public void Session_token_is_sent_and_signed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://cloudfront.amazonaws.com/2020-05-31/distribution/E1/config");

        SigV4Signer.Sign(request, [], new ImmutableCredentials(AccessKey, Secret, "the-token"), "us-east-1", "cloudfront", Now);

        Assert.Equal("the-token", Single(request, "X-Amz-Security-Token"));
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", Authorization(request), StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_twice_replaces_the_first_signature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        SigV4Signer.Sign(request, [], Keys(), "us-east-1", "service", Now.AddDays(-1));
        SigV4Signer.Sign(request, [], Keys(), "us-east-1", "service", Now);

        Assert.EndsWith("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Authorization(request), StringComparison.Ordinal);
    }

    [Fact]
    public void Non_s3_paths_are_encoded_once_more_than_on_the_wire()
    {
        var canonical = SigV4Signer.CanonicalRequest("GET", "/a%20b/c", "", [KeyValuePair.Create("Host", "h")], "x", "cloudfront");
        var s3 = SigV4Signer.CanonicalRequest("GET", "/a%20b/c", "", [KeyValuePair.Create("Host", "h")], "x", "s3");

        Assert.StartsWith("GET\n/a%2520b/c\n", canonical, StringComparison.Ordinal);
        Assert.StartsWith("GET\n/a%20b/c\n", s3, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_is_sorted_and_encoded_and_header_values_are_trimmed()
    {
        var canonical = SigV4Signer.CanonicalRequest("GET", "/", "?b=2&a=x%2Fy&a=1&c", [KeyValuePair.Create("X-Amz-Meta", "  one   two ")], "x", "service");

        Assert.Equal("GET\n/\na=1&a=x%2Fy&b=2&c=\nx-amz-meta:one two\n\nx-amz-meta\nx", canonical);
    }

    [Fact]
    public void Errors_never_show_the_secret()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/relative", UriKind.Relative));

        var e = Assert.Throws<ArgumentException>(() => SigV4Signer.Sign(request, [], Keys(), "us-east-1", "service", Now));

        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, request.ToString(), StringComparison.Ordinal);
    }

    private static ImmutableCredentials Keys() => new(AccessKey, Secret, null);

    private static string Authorization(HttpRequestMessage request) => Single(request, "Authorization");

    private static string Single(HttpRequestMessage request, string name) => Assert.Single(request.Headers.NonValidated[name]);
}
