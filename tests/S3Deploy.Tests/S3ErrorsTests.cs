using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public sealed class S3ErrorsTests
{
    [Theory]
    [InlineData("NoSuchBucket", HttpStatusCode.NotFound, DiagnosticCode.NoSuchBucket)]
    [InlineData("AccessDenied", HttpStatusCode.Forbidden, DiagnosticCode.AccessDenied)]
    [InlineData("PermanentRedirect", HttpStatusCode.MovedPermanently, DiagnosticCode.WrongRegion)]
    [InlineData("AuthorizationHeaderMalformed", HttpStatusCode.BadRequest, DiagnosticCode.WrongRegion)]
    [InlineData("ExpiredToken", HttpStatusCode.BadRequest, DiagnosticCode.ExpiredCredentials)]
    [InlineData("InvalidAccessKeyId", HttpStatusCode.Forbidden, DiagnosticCode.BadCredentials)]
    [InlineData("SignatureDoesNotMatch", HttpStatusCode.Forbidden, DiagnosticCode.BadCredentials)]
    [InlineData("InternalError", HttpStatusCode.InternalServerError, DiagnosticCode.ServiceError)]
    [InlineData(null, HttpStatusCode.Forbidden, DiagnosticCode.AccessDenied)]
    public void Service_errors_each_get_their_own_code(string? errorCode, HttpStatusCode status, string expected)
    {
        var translated = S3Errors.Translate(ServiceError(errorCode, status), "my-site", "s3:ListBucket", "list the objects");

        Assert.NotNull(translated);
        Assert.Equal(expected, translated.Code);
        Assert.Equal(FailureKind.Service, translated.Kind);
        Assert.DoesNotContain('\n', translated.Message);
    }

    [Fact]
    public void Access_denied_names_the_missing_permission_and_the_bucket()
    {
        var translated = S3Errors.Translate(ServiceError("AccessDenied", HttpStatusCode.Forbidden), "my-site", "s3:DeleteObject", "delete stale objects");

        Assert.Contains("s3:DeleteObject", translated!.Message);
        Assert.Contains("'my-site'", translated.Message);
    }

    [Fact]
    public void Network_failures_say_what_could_not_be_reached()
    {
        var translated = S3Errors.Translate(new HttpRequestException("Connection refused (127.0.0.1:9)"), "b", "s3:ListBucket", "list the objects");

        Assert.Equal(DiagnosticCode.NetworkError, translated!.Code);
        Assert.Contains("Connection refused", translated.Message);
    }

    [Fact]
    public void Missing_credentials_point_at_the_ways_to_provide_them()
    {
        var translated = S3Errors.Translate(new AmazonClientException("Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors"), "b", "s3:ListBucket", "list");

        Assert.Equal(DiagnosticCode.NoCredentials, translated!.Code);
        Assert.Contains("--profile", translated.Message);
    }

    [Fact]
    public void User_cancellation_and_coded_errors_pass_through_untranslated()
    {
        Assert.Null(S3Errors.Translate(new OperationCanceledException(), "b", "p", "w"));
        Assert.Null(S3Errors.Translate(DeployException.Refused(DiagnosticCode.TooManyDeletes, "x"), "b", "p", "w"));
    }

    private static AmazonS3Exception ServiceError(string? code, HttpStatusCode status) =>
        new("The service said no.\nSecond line.", ErrorType.Sender, code, "REQ123", status);
}
