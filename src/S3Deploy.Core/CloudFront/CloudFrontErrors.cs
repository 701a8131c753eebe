using System.Globalization;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.CloudFront;

/// <summary>Turns CloudFront's answers into one-line coded messages that say what to do. Never includes credentials.</summary>
internal static class CloudFrontErrors
{
    private const string ListInvalidations = "aws cloudfront list-invalidations --distribution-id";

    public static DeployException Translate(CloudFrontError error, CloudFrontCall call)
    {
        var id = call.DistributionId;
        var detail = FirstLine(error.Message);
        var (code, message) = error.Code switch
        {
            "NoSuchDistribution" => (CloudFrontCodes.NoSuchDistribution, $"CloudFront distribution '{id}' does not exist, or belongs to another account. Check the distribution id (aws cloudfront list-distributions lists them)."),
            "NoSuchInvalidation" => (CloudFrontCodes.NoSuchInvalidation, $"CloudFront has no such invalidation on distribution '{id}'. Check the ids ({ListInvalidations} {id} lists them)."),
            "AccessDenied" => (DiagnosticCode.AccessDenied, $"Access denied to {call.What} on CloudFront distribution '{id}'. The identity in use needs the {call.Permission} permission on it."),
            "BatchTooLarge" => (CloudFrontCodes.BatchTooLarge, $"The invalidation for distribution '{id}' has too many paths: CloudFront allows 3,000 file paths and 15 wildcard paths in progress at once. Invalidate fewer paths, or a wildcard such as '/assets/*'."),
            "TooManyInvalidationsInProgress" => (CloudFrontCodes.TooManyInvalidations, $"Distribution '{id}' still has too many invalidations in progress after waiting. Wait for them to finish ({ListInvalidations} {id}) and run again, or invalidate fewer, wildcard paths."),
            "InvalidArgument" or "MissingBody" or "InconsistentQuantities" or "InvalidationBatchAlreadyExists" or "MalformedInput" =>
                (CloudFrontCodes.InvalidationRejected, $"CloudFront rejected the request to {call.What} on distribution '{id}' ({error.Code}): {detail}. Check the paths: each starts with '/', has '*' only at the end, and URL-encodes unsafe characters."),
            "ExpiredToken" or "ExpiredTokenException" or "RequestExpired" => (DiagnosticCode.ExpiredCredentials, "The AWS credentials have expired, or the clock is off by more than 15 minutes. Sign in again (aws sso login, or renew the session token), check the clock, and run again."),
            "InvalidClientTokenId" or "SignatureDoesNotMatch" or "IncompleteSignature" or "UnrecognizedClientException" or "InvalidToken" => (DiagnosticCode.BadCredentials, $"CloudFront rejected the credentials ({error.Code}). Check the access key and secret in use (environment or --profile)."),
            _ when error.Status == 403 => (DiagnosticCode.AccessDenied, $"Access denied to {call.What} on CloudFront distribution '{id}' ({error.Code ?? "403"}). The identity in use needs the {call.Permission} permission on it."),
            _ when error.RetryKind == RetryKind.Transient => (CloudFrontCodes.Unavailable, $"CloudFront kept failing to {call.What} on distribution '{id}' ({Name(error)}), even after retrying. Run again in a few minutes."),
            _ => (CloudFrontCodes.ServiceError, $"CloudFront failed to {call.What} on distribution '{id}' ({Name(error)}): {detail}. Run again; if it keeps failing, run with --diagnostics."),
        };
        return new DeployException(code, FailureKind.Service, message, error.ToException());
    }

    public static DeployException Network(Exception e, Uri endpoint, CloudFrontCall call) =>
        new(DiagnosticCode.NetworkError, FailureKind.Service, $"Could not reach CloudFront at {endpoint.Authority} to {call.What} on distribution '{call.DistributionId}': {FirstLine(Innermost(e).Message)}. Check the network and the endpoint; then run again.", e);

    private static string Name(CloudFrontError error) => error.Code ?? error.Status.ToString(CultureInfo.InvariantCulture);

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    private static string FirstLine(string? text) => text is null ? "no details" : text.Split('\n', 2)[0].Trim().TrimEnd('.');
}
