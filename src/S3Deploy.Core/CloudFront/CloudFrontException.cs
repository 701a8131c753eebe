namespace S3Deploy.Core.CloudFront;

/// <summary>The raw error CloudFront answered; kept as the inner exception of a DeployException for --diagnostics.</summary>
internal sealed class CloudFrontException(int statusCode, string? errorCode, string? requestId, string message)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string? ErrorCode { get; } = errorCode;

    public string? RequestId { get; } = requestId;
}
