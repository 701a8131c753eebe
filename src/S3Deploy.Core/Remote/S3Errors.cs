using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>Turns SDK failures into one-line coded messages that say what to do. Never includes credentials.</summary>
internal static class S3Errors
{
    public static async Task<T> Call<T>(Func<Task<T>> call, string bucket, string permission, string what)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (Translate(e, bucket, permission, what) is { } translated)
        {
            throw translated;
        }
    }

    public static DeployException? Translate(Exception e, string bucket, string permission, string what)
    {
        switch (e)
        {
            case DeployException:
                return null;
            case OperationCanceledException when e.InnerException is not TimeoutException:
                return null;
            case not null when TimedOut(e) is { } timedOut:
                return new DeployException(DiagnosticCode.RequestTimedOut, FailureKind.Service, $"S3 stopped answering while trying to {what}: {timedOut.Message}, on every attempt. Check the network and --endpoint-url, or raise --timeout; then run again.", e);
            case AmazonS3Exception s3:
                return FromService(s3, s3.ErrorCode, bucket, permission, what);
            case AmazonServiceException service:
                return FromService(service, service.ErrorCode, bucket, permission, what);
            case AmazonClientException client when client.Message.Contains("profile", StringComparison.OrdinalIgnoreCase) && Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 } profile:
                // Not a network problem: AWS_PROFILE names a profile that is in neither ~/.aws/config nor ~/.aws/credentials.
                return new DeployException(DiagnosticCode.NoCredentials, FailureKind.Usage, GuardedCredentials.MissingProfileMessage(profile), e);
            case AmazonClientException client when client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase):
                return new DeployException(DiagnosticCode.NoCredentials, FailureKind.Service, GuardedCredentials.NoCredentialsMessage, e);
            case System.Xml.XmlException:
                return NotS3(what, Flatten(e), e);
            case HttpRequestException or SocketException or IOException or TaskCanceledException or AmazonClientException:
                return new DeployException(DiagnosticCode.NetworkError, FailureKind.Service, $"Could not reach S3 while trying to {what}: {Flatten(e)}. Check the network, the region and --endpoint-url; then run again.", e);
            default:
                return null;
        }
    }

    private static DeployException FromService(AmazonServiceException e, string? code, string bucket, string permission, string what)
    {
        var (diagnostic, message) = code switch
        {
            "NoSuchBucket" => (DiagnosticCode.NoSuchBucket, $"Bucket '{bucket}' does not exist. Create it first (aws s3 mb s3://{bucket}), or check the name and --endpoint-url."),
            "AccessDenied" or "AllAccessDisabled" => (DiagnosticCode.AccessDenied, $"Access denied to {what} in bucket '{bucket}'. The identity in use needs the {permission} permission on it."),
            "PermanentRedirect" or "AuthorizationHeaderMalformed" or "IllegalLocationConstraintException" => (DiagnosticCode.WrongRegion, $"Bucket '{bucket}' is in another region than the one in use. Pass --region with the bucket's region (aws s3api get-bucket-location --bucket {bucket} tells it)."),
            "RequestTimeTooSkewed" => (DiagnosticCode.ClockSkew, "S3 refused the request because this computer's clock is more than 15 minutes off. Set the clock right (enable NTP time sync) and run again."),
            "BadDigest" => (DiagnosticCode.SourceChanged, $"S3 refused to {what}: the bytes it received do not match the MD5 computed when the folder was scanned (BadDigest), so the file changed during the deploy or was corrupted in transit. Nothing was stored for it; run again."),
            "ExpiredToken" or "TokenRefreshRequired" or "RequestExpired" or "ExpiredTokenException" => (DiagnosticCode.ExpiredCredentials, "The AWS credentials have expired. Sign in again (aws sso login, or renew the session token) and run again."),
            "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidToken" => (DiagnosticCode.BadCredentials, $"S3 rejected the credentials ({code}). Check the access key and secret in use (environment or --profile)."),
            _ when e.StatusCode == HttpStatusCode.Forbidden => (DiagnosticCode.AccessDenied, $"Access denied to {what} in bucket '{bucket}' ({code ?? "403"}). The identity in use needs the {permission} permission on it."),
            _ when e.StatusCode == HttpStatusCode.MovedPermanently => (DiagnosticCode.WrongRegion, $"Bucket '{bucket}' is in another region than the one in use. Pass --region with the bucket's region."),
            _ => (DiagnosticCode.ServiceError, $"S3 failed to {what} ({code ?? ((int)e.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}): {FirstLine(e.Message)}. Run again; if it keeps failing, run with --diagnostics."),
        };
        return new DeployException(diagnostic, FailureKind.Service, message, e);
    }

    private static RequestTimedOutException? TimedOut(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is RequestTimedOutException timedOut)
            {
                return timedOut;
            }
        }

        return null;
    }

    /// <summary>A web server that is not an S3 API (a wrong --endpoint-url) answers in HTML, JSON or nothing S3 would send.</summary>
    public static DeployException NotS3(string what, string detail, Exception? inner = null) =>
        new(DiagnosticCode.NotS3, FailureKind.Service, $"The endpoint did not answer like S3 when asked to {what} ({detail}). Check --endpoint-url: it must be the S3 API of the service, not a website or console URL.", inner);

    private static string Flatten(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return FirstLine(inner.Message).TrimEnd('.');
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim().TrimEnd('.');
}
