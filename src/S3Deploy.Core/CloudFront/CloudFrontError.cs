using System.Xml;
using System.Xml.Linq;

namespace S3Deploy.Core.CloudFront;

/// <summary>A non-success answer: the HTTP status and whatever the ErrorResponse body said.</summary>
internal sealed record CloudFrontError(int Status, string? Code, string? Message, string? RequestId)
{
    public RetryKind RetryKind => Code switch
    {
        "TooManyInvalidationsInProgress" => RetryKind.Busy,
        "Throttling" or "ThrottlingException" or "RequestThrottled" or "RequestLimitExceeded" or "TooManyRequestsException" or "SlowDown" => RetryKind.Transient,
        _ when Status is 429 or >= 500 => RetryKind.Transient,
        _ => RetryKind.None,
    };

    // Matched by local name: proxies and load balancers answer 5xx without CloudFront's namespace, or without XML at all.
    public static CloudFrontError Parse(int status, string body)
    {
        try
        {
            var root = XDocument.Parse(body).Root;
            var error = root?.Elements().FirstOrDefault(e => e.Name.LocalName == "Error");
            return new CloudFrontError(status, Child(error, "Code"), Child(error, "Message"), Child(root, "RequestId"));
        }
        catch (XmlException)
        {
            return new CloudFrontError(status, null, null, null);
        }
    }

    public CloudFrontException ToException() =>
        new(Status, Code, RequestId, $"CloudFront answered {Status} {Code ?? "(no error code)"}: {Message ?? "(no message)"} (request id {RequestId ?? "unknown"})");

    private static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
