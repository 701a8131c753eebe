using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests.CloudFront;

public sealed class CloudFrontErrorsTests
{
    private static readonly CloudFrontCall Create = new("E2EXAMPLE", "cloudfront:CreateInvalidation", "create an invalidation");

    [Theory]
    [InlineData(404, "NoSuchDistribution", CloudFrontCodes.NoSuchDistribution)]
    [InlineData(404, "NoSuchInvalidation", CloudFrontCodes.NoSuchInvalidation)]
    [InlineData(403, "AccessDenied", DiagnosticCode.AccessDenied)]
    [InlineData(400, "InvalidArgument", CloudFrontCodes.InvalidationRejected)]
    [InlineData(400, "InconsistentQuantities", CloudFrontCodes.InvalidationRejected)]
    [InlineData(409, "InvalidationBatchAlreadyExists", CloudFrontCodes.InvalidationRejected)]
    [InlineData(413, "BatchTooLarge", CloudFrontCodes.BatchTooLarge)]
    [InlineData(400, "TooManyInvalidationsInProgress", CloudFrontCodes.TooManyInvalidations)]
    [InlineData(400, "Throttling", CloudFrontCodes.Unavailable)]
    [InlineData(503, null, CloudFrontCodes.Unavailable)]
    [InlineData(403, "SignatureDoesNotMatch", DiagnosticCode.BadCredentials)]
    [InlineData(403, "InvalidClientTokenId", DiagnosticCode.BadCredentials)]
    [InlineData(403, "ExpiredToken", DiagnosticCode.ExpiredCredentials)]
    [InlineData(403, null, DiagnosticCode.AccessDenied)]
    [InlineData(400, "SomethingNew", CloudFrontCodes.ServiceError)]
    public void Each_error_gets_its_own_code_and_one_line(int status, string? code, string expected)
    {
        var translated = CloudFrontErrors.Translate(new CloudFrontError(status, code, "Details here.\nMore.", "req-1"), Create);

        Assert.Equal(expected, translated.Code);
        Assert.Equal(FailureKind.Service, translated.Kind);
        Assert.DoesNotContain('\n', translated.Message);
        Assert.IsType<CloudFrontException>(translated.InnerException);
    }

    [Theory]
    [InlineData("cloudfront:CreateInvalidation")]
    [InlineData("cloudfront:GetInvalidation")]
    [InlineData("cloudfront:GetDistributionConfig")]
    public void Access_denied_names_the_permission_and_the_distribution(string permission)
    {
        var translated = CloudFrontErrors.Translate(new CloudFrontError(403, "AccessDenied", "User is not authorized", null), Create with { Permission = permission });

        Assert.Contains(permission, translated.Message, StringComparison.Ordinal);
        Assert.Contains("'E2EXAMPLE'", translated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_response_body_is_parsed()
    {
        var error = CloudFrontError.Parse(404, """
            <?xml version="1.0"?>
            <ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
              <Error><Type>Sender</Type><Code>NoSuchDistribution</Code><Message>The specified distribution does not exist.</Message></Error>
              <RequestId>8a1b-req</RequestId>
            </ErrorResponse>
            """);

        Assert.Equal(new CloudFrontError(404, "NoSuchDistribution", "The specified distribution does not exist.", "8a1b-req"), error);
    }

    [Fact]
    public void A_body_that_is_not_xml_still_gives_the_status()
    {
        var error = CloudFrontError.Parse(502, "<html>Bad Gateway");

        Assert.Equal(new CloudFrontError(502, null, null, null), error);
        Assert.Equal(CloudFrontCodes.Unavailable, CloudFrontErrors.Translate(error, Create).Code);
    }

    [Theory]
    [InlineData(500, null, "Transient")]
    [InlineData(503, "ServiceUnavailable", "Transient")]
    [InlineData(400, "Throttling", "Transient")]
    [InlineData(429, null, "Transient")]
    [InlineData(400, "TooManyInvalidationsInProgress", "Busy")]
    [InlineData(400, "InvalidArgument", "None")]
    [InlineData(404, "NoSuchDistribution", "None")]
    [InlineData(403, "AccessDenied", "None")]
    public void Only_server_failures_throttling_and_busy_distributions_are_retried(int status, string? code, string expected)
    {
        Assert.Equal(Enum.Parse<RetryKind>(expected), new CloudFrontError(status, code, null, null).RetryKind);
    }
}
