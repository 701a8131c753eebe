using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Headers;

/// <summary>
/// The last guard before the wire: whoever built the options (the CLI's validator names bad values by their source first),
/// no header value that cannot be sent, and no redirect that names a key it must not, reaches a request.
/// </summary>
internal static class HeaderChecks
{
    public static void Validate(HeaderSettings settings, IReadOnlyDictionary<string, string> redirects, string toolFolder)
    {
        Value(settings.CacheControl, "cacheControl");
        Value(settings.ServerSideEncryption, "sse");
        Value(settings.SseKmsKeyId, "sseKmsKeyId");
        Value(settings.StorageClass, "storageClass");
        for (var i = 0; i < settings.Rules.Count; i++)
        {
            var rule = settings.Rules[i];
            var at = $"rules[{i}]";
            Value(rule.CacheControl, at + ".cacheControl");
            Value(rule.ContentType, at + ".contentType");
            Value(rule.ContentEncoding, at + ".contentEncoding");
            Value(rule.ServerSideEncryption, at + ".sse");
            Value(rule.SseKmsKeyId, at + ".sseKmsKeyId");
            Value(rule.StorageClass, at + ".storageClass");
            Fail(rule.ContentDisposition is { } disposition ? DispositionProblem(disposition) : null, at + ".contentDisposition");
            foreach (var (name, value) in rule.Metadata ?? new Dictionary<string, string>())
            {
                Fail(HeaderValues.NameProblem(name), at + ".metadata");
                Fail(HeaderValues.ControlProblem(value), $"{at}.metadata.{name}");
            }
        }

        foreach (var (from, to) in redirects)
        {
            var at = $"redirects['{HeaderValues.Printable(from)}']";
            if ((RedirectPaths.PathProblem(from, toolFolder) ?? RedirectPaths.LocationProblem(to)) is { } problem)
            {
                throw DeployException.Usage(DiagnosticCode.BadRedirect, $"{at}: {problem}.");
            }

            Value(to, at);
        }
    }

    /// <summary>Control characters never; outside ASCII only in a file name, which is then sent as filename*=UTF-8''….</summary>
    public static string? DispositionProblem(string value) =>
        HeaderValues.ControlProblem(value)
        ?? (DispositionEncoding.Encode(value) is null ? HeaderValues.Problem(value) + " (outside ASCII only a filename=\"…\" parameter can be encoded)" : null);

    private static void Value(string? value, string field) => Fail(value is null ? null : HeaderValues.Problem(value), field);

    private static void Fail(string? problem, string field)
    {
        if (problem is not null)
        {
            throw DeployException.Usage(DiagnosticCode.BadHeaderValue, $"{field}: {problem}.");
        }
    }
}
