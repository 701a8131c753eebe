using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Headers;

/// <summary>
/// Every header value of a deploy, whichever adapter set it, checked before anything is contacted: S3D044 for a value
/// that cannot go on the wire, S3D008 for a redirect that names a key it must not.
/// </summary>
internal static class HeaderChecks
{
    public static void Validate(HeaderSettings settings, IReadOnlyDictionary<string, string> redirects, string toolFolder)
    {
        Value(settings.CacheControl, "--cache-control");
        Value(settings.ServerSideEncryption, "--sse");
        Value(settings.SseKmsKeyId, "--sse-kms-key-id");
        Value(settings.StorageClass, "--storage-class");
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
            if (RedirectPaths.PathProblem(from, toolFolder) is { } path)
            {
                throw DeployException.Usage(DiagnosticCode.BadRedirect, $"{at}: {path}.");
            }

            Value(to, at);
            if (RedirectPaths.LocationProblem(to) is { } location)
            {
                throw DeployException.Usage(DiagnosticCode.BadRedirect, $"{at}: {location}.");
            }
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
