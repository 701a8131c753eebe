using System.Globalization;
using System.Text.RegularExpressions;

namespace S3Deploy.Core.CloudFront;

/// <summary>
/// The "headers" section as a response headers policy sees it: the headers CloudFront models as security headers, each
/// with the values CloudFront accepts, and every other name as a custom header. Names are matched case-insensitively.
/// </summary>
internal sealed partial record ResponseHeaders(
    StrictTransportSecurity? Hsts,
    string? ContentSecurityPolicy,
    bool ContentTypeOptions,
    string? FrameOption,
    string? ReferrerPolicy,
    IReadOnlyList<KeyValuePair<string, string>> Custom)
{
    public static readonly string[] ReferrerPolicies =
        ["no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin", "strict-origin", "strict-origin-when-cross-origin", "unsafe-url"];

    public bool IsEmpty => Hsts is null && ContentSecurityPolicy is null && !ContentTypeOptions && FrameOption is null && ReferrerPolicy is null && Custom.Count == 0;

    /// <summary>The policy for these headers; a value CloudFront cannot express throws <see cref="FormatException"/> saying which.</summary>
    public static ResponseHeaders Parse(IReadOnlyDictionary<string, string> headers, bool varyAcceptEncoding)
    {
        StrictTransportSecurity? hsts = null;
        string? csp = null, frame = null, referrer = null;
        var nosniff = false;
        var custom = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            switch (name.ToLowerInvariant())
            {
                case "strict-transport-security":
                    hsts = StrictTransportSecurity.Parse(value);
                    break;
                case "content-security-policy":
                    csp = value;
                    break;
                case "x-content-type-options":
                    nosniff = value.Equals("nosniff", StringComparison.OrdinalIgnoreCase) ? true : throw Bad(name, value, "\"nosniff\"");
                    break;
                case "x-frame-options":
                    frame = value.ToUpperInvariant() is "DENY" or "SAMEORIGIN" ? value.ToUpperInvariant() : throw Bad(name, value, "\"DENY\" or \"SAMEORIGIN\"");
                    break;
                case "referrer-policy":
                    referrer = ReferrerPolicies.Contains(value.ToLowerInvariant()) ? value.ToLowerInvariant() : throw Bad(name, value, string.Join(", ", ReferrerPolicies));
                    break;
                default:
                    custom.Add(new(name, value));
                    break;
            }
        }

        if (varyAcceptEncoding && !custom.Any(c => c.Key.Equals("Vary", StringComparison.OrdinalIgnoreCase)))
        {
            custom.Add(new("Vary", "Accept-Encoding"));
        }

        return new ResponseHeaders(hsts, csp, nosniff, frame, referrer, custom);
    }

    private static FormatException Bad(string name, string value, string allowed) =>
        new($"{name}: '{value}' is not a value CloudFront's response headers policy can send; use {allowed}.");
}

/// <summary>Strict-Transport-Security as CloudFront models it: max-age in seconds, includeSubDomains, preload.</summary>
internal sealed partial record StrictTransportSecurity(long MaxAgeSeconds, bool IncludeSubdomains, bool Preload)
{
    public static StrictTransportSecurity Parse(string value)
    {
        var parts = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var maxAge = parts.Select(p => MaxAge().Match(p)).FirstOrDefault(m => m.Success);
        var others = parts.Where(p => !MaxAge().IsMatch(p)).Select(p => p.ToLowerInvariant()).ToList();
        return maxAge is not null && others.All(o => o is "includesubdomains" or "preload")
            ? new StrictTransportSecurity(long.Parse(maxAge.Groups[1].Value, CultureInfo.InvariantCulture), others.Contains("includesubdomains"), others.Contains("preload"))
            : throw new FormatException($"Strict-Transport-Security: '{value}' is not 'max-age=SECONDS' with optional '; includeSubDomains' and '; preload'.");
    }

    [GeneratedRegex("^max-age=([0-9]{1,10})$", RegexOptions.IgnoreCase)]
    private static partial Regex MaxAge();
}
