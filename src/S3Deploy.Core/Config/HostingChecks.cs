using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;

namespace S3Deploy.Core.Config;

/// <summary>What CloudFront hosting needs from the rest of the config: a distribution, and values CloudFront can send.</summary>
internal static class HostingChecks
{
    public const string Negotiate = "negotiate";

    /// <summary>Across fields, so only once the layers are merged: the file may say "negotiate" and the flag turn hosting on.</summary>
    public static void Requirements(DeployConfig config, ConfigValidator.Error error)
    {
        var hosting = config.Cloudfront?.Hosting == true;
        if (hosting && (config.Cloudfront?.Distributions?.Count ?? 0) == 0)
        {
            throw error("$.cloudfront.hosting", "needs a distribution to serve the site from: give --cloudfront ID (or \"cloudfront\": {\"distributions\"}).", DiagnosticCode.HostingIncomplete);
        }

        if (config.Precompressed == Negotiate && !hosting)
        {
            throw error("$.precompressed", "\"negotiate\" needs CloudFront hosting (--cloudfront-hosting), which picks X.br or X.gz by the viewer's Accept-Encoding; S3 alone cannot.", DiagnosticCode.HostingIncomplete);
        }

        if (config.Headers is { Count: > 0 } && !hosting)
        {
            throw error("$.headers", "needs CloudFront hosting (--cloudfront-hosting): the headers are sent by a CloudFront response headers policy.", DiagnosticCode.HostingIncomplete);
        }
    }

    /// <summary>Each value on its own: header names and values CloudFront can send.</summary>
    public static void Validate(DeployConfig config, ConfigValidator.Error error)
    {
        if (config.Headers is not { Count: > 0 } headers)
        {
            return;
        }

        foreach (var (name, value) in headers)
        {
            var at = "$.headers" + JsonLines.Segment(name);
            var badName = name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
            if ((badName ? $"the header name '{HeaderValues.Printable(name)}' is not an HTTP token" : value is null ? "expected a value, not null" : HeaderValues.Problem(value)) is { } problem)
            {
                throw error(at, problem + ".", DiagnosticCode.BadHeaderValue);
            }
        }

        try
        {
            ResponseHeaders.Parse(headers, varyAcceptEncoding: false);
        }
        catch (FormatException e)
        {
            throw error("$.headers", e.Message, DiagnosticCode.BadResponseHeader);
        }
    }
}
