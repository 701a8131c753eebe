using System.Diagnostics.CodeAnalysis;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;
using S3Deploy.Core.Text;

namespace S3Deploy.Core.Config;

/// <summary>
/// The one check of every option's value, whichever source gave it (file, flag, Action input): what JSON types cannot say,
/// such as ranges, globs, enumerations, redirect shapes, header values. <see cref="Error"/> names the value as its source does.
/// </summary>
internal static class ConfigValidator
{
    private static readonly string[] StorageClasses =
        ["STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR", "EXPRESS_ONEZONE"];

    public delegate DeployException Error(string jsonPath, string message, string code);

    public static void Validate(DeployConfig config, Error error)
    {
        OneOf(config.Precompressed, ["br", "gzip", "none", "negotiate"], "$.precompressed", error);
        HostingChecks.Validate(config, error);
        OneOf(config.Sse, ["AES256", "aws:kms"], "$.sse", error);
        OneOf(config.StorageClass, StorageClasses, "$.storageClass", error);
        Require(config.Concurrency is null or (>= 1 and <= DeployOptions.MaxConcurrency), "$.concurrency", $"must be between 1 and {DeployOptions.MaxConcurrency}.", error);
        Require(config.MaxDeletes is null or >= 0, "$.maxDeletes", "must be 0 or more.", error);
        Require(config.KeepReleases is null or >= 0, "$.keepReleases", "must be 0 or more.", error);
        ValidateConnection(config, error);
        Require(config.SseKmsKeyId is null || config.Sse == "aws:kms", "$.sseKmsKeyId", "needs \"sse\": \"aws:kms\".", error);
        for (var i = 0; i < (config.Exclude?.Count ?? 0); i++)
        {
            Require(config.Exclude![i] is not null, $"$.exclude[{i}]", "expected a glob, not null.", error);
            GlobAt(config.Exclude[i], $"$.exclude[{i}]", error);
        }

        ValidateValues(config, error);
        for (var i = 0; i < (config.Rules?.Count ?? 0); i++)
        {
            var rule = config.Rules![i];
            var at = $"$.rules[{i}]";
            Require(rule is not null, at, "expected a rule object, not null.", error);
            Require(rule.SseKmsKeyId is null || (rule.Sse ?? config.Sse) == "aws:kms", at + ".sseKmsKeyId", "needs \"sse\": \"aws:kms\" (in the rule or at the top level).", error);
            if (rule.Match is null)
            {
                throw error(at, "every rule needs \"match\", a glob such as \"*.css\" or \"assets/**\".", DiagnosticCode.ConfigBadValue);
            }

            GlobAt(rule.Match, at + ".match", error);
            OneOf(rule.Compress, ["gzip", "br", "none"], at + ".compress", error);
            OneOf(rule.Sse, ["AES256", "aws:kms"], at + ".sse", error);
            OneOf(rule.StorageClass, StorageClasses, at + ".storageClass", error);
            ValidateRuleHeaders(rule, at, error);
        }

        HeaderValue(config.CacheControl, "$.cacheControl", error);
        HeaderValue(config.SseKmsKeyId, "$.sseKmsKeyId", error);

        Require(config.Timeout is null || (Durations.TryParse(config.Timeout, out var timeout) && timeout >= TimeSpan.FromSeconds(1)), "$.timeout", $"\"{config.Timeout}\" is not a duration of at least 1s such as \"30s\" or \"2m\".", error);
        Require(config.KeepStale is null || Durations.TryParse(config.KeepStale, out _), "$.keepStale", $"\"{config.KeepStale}\" is not a duration such as \"90s\", \"30m\", \"24h\" or \"7d\".", error);
        ValidateCloudFront(config.Cloudfront, error);
        ValidateWebsite(config.Website, error);
        ValidatePreviews(config.Previews, error);
        foreach (var (from, to) in config.Redirects ?? [])
        {
            var at = "$.redirects" + JsonLines.Segment(from);
            Require(to is not null, at, "expected a location, not null.", error);
            Require(from.StartsWith('/'), at, $"the path '{HeaderValues.Printable(from)}' must start with '/'.", error);
            Header(HeaderValues.Problem(to), at, error);
            Require(to.StartsWith('/') || to.StartsWith("http://", StringComparison.Ordinal) || to.StartsWith("https://", StringComparison.Ordinal), at, $"the location '{to}' must start with '/', 'http://' or 'https://' (an S3 rule).", error);
            Redirect(RedirectPaths.PathProblem(from, Remote.DeployManifest.Folder) ?? RedirectPaths.LocationProblem(to), at, error);
        }
    }

    private static void ValidateValues(DeployConfig config, Error error)
    {
        for (var i = 0; i < (config.Substitute?.Count ?? 0); i++)
        {
            Require(config.Substitute![i] is not null, $"$.substitute[{i}]", "expected a glob, not null.", error);
            GlobAt(config.Substitute[i], $"$.substitute[{i}]", error);
        }

        foreach (var (name, value) in config.Values ?? [])
        {
            var at = "$.values" + JsonLines.Segment(name);
            Require(Placeholders.IsName(name), at, $"'{HeaderValues.Printable(name)}' is not a placeholder name (letters, digits and '_', not starting with a digit).", error);
            Require(value is not null, at, "expected a string, not null.", error);
        }
    }

    private static void ValidateConnection(DeployConfig config, Error error)
    {
        var url = config.EndpointUrl;
        Require(
            url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
            "$.endpointUrl",
            $"'{url}' is not an absolute http:// or https:// URL.",
            error);
        Require(
            config.Region is null || url is not null || ConnectionOptions.IsAwsRegion(config.Region),
            "$.region",
            $"'{config.Region}' is not an AWS region such as us-east-1 or eu-west-2 (for an S3-compatible service, give an endpoint URL too).",
            error);
    }

    private static void ValidateRuleHeaders(RuleConfig rule, string at, Error error)
    {
        HeaderValue(rule.CacheControl, at + ".cacheControl", error);
        HeaderValue(rule.ContentType, at + ".contentType", error);
        HeaderValue(rule.ContentEncoding, at + ".contentEncoding", error);
        HeaderValue(rule.SseKmsKeyId, at + ".sseKmsKeyId", error);
        Header(rule.ContentDisposition is { } disposition ? HeaderChecks.DispositionProblem(disposition) : null, at + ".contentDisposition", error);
        foreach (var (name, value) in rule.Metadata ?? [])
        {
            var field = at + ".metadata" + JsonLines.Segment(name);
            Header(HeaderValues.NameProblem(name), field, error);
            Require(value is not null, field, "expected a string, not null.", error);
            Header(HeaderValues.ControlProblem(value), field, error);
        }
    }

    private static void HeaderValue(string? value, string at, Error error) => Header(value is null ? null : HeaderValues.Problem(value), at, error);

    private static void Header(string? problem, string at, Error error)
    {
        if (problem is not null)
        {
            throw error(at, problem + ".", DiagnosticCode.BadHeaderValue);
        }
    }

    private static void Redirect(string? problem, string at, Error error)
    {
        if (problem is not null)
        {
            throw error(at, problem + ".", DiagnosticCode.BadRedirect);
        }
    }

    private static void ValidateCloudFront(CloudFrontConfig? cloudfront, Error error)
    {
        if (cloudfront is null)
        {
            return;
        }

        Require(cloudfront.WaitTimeout is null || Durations.TryParse(cloudfront.WaitTimeout, out _), "$.cloudfront.waitTimeout", $"\"{cloudfront.WaitTimeout}\" is not a duration such as \"10m\".", error);
        Require(cloudfront.MaxPaths is null or >= 1, "$.cloudfront.maxPaths", "must be at least 1.", error);
        for (var i = 0; i < (cloudfront.Distributions?.Count ?? 0); i++)
        {
            var id = cloudfront.Distributions![i];
            Require(id is { Length: > 0 } && id.All(char.IsAsciiLetterOrDigit), $"$.cloudfront.distributions[{i}]", $"\"{id}\" is not a distribution id (letters and digits, like E2QWRUHAPOMQZL).", error);
        }
    }

    private static void ValidateWebsite(WebsiteConfig? website, Error error)
    {
        if (website is null)
        {
            return;
        }

        Require(website.Index is null || (website.Index.Length > 0 && !website.Index.Contains('/', StringComparison.Ordinal)), "$.website.index", "must be a file name without '/', such as \"index.html\".", error);
        Require(website.Error is null || (website.Error.Length > 0 && !website.Error.StartsWith('/')), "$.website.error", "must be a key relative to the prefix, such as \"404.html\" (no leading '/').", error);
        var rules = website.RoutingRules ?? [];
        Require(rules.Count <= 50, "$.website.routingRules", $"S3 allows at most 50 routing rules, not {rules.Count}.", error);
        for (var i = 0; i < rules.Count; i++)
        {
            var redirect = rules[i]?.Redirect;
            var at = $"$.website.routingRules[{i}]";
            Require(redirect is not null, at, "every routing rule needs \"redirect\".", error);
            Require(redirect.ReplaceKeyPrefixWith is null || redirect.ReplaceKeyWith is null, at + ".redirect", "use replaceKeyPrefixWith or replaceKeyWith, not both (an S3 rule).", error);
            Require(redirect.Protocol is null or "http" or "https", at + ".redirect.protocol", "must be \"http\" or \"https\".", error);
        }
    }

    private static void ValidatePreviews(PreviewsConfig? previews, Error error)
    {
        var prefix = previews?.Prefix?.Trim('/');
        Require(
            prefix is null || (prefix.Length > 0 && prefix.Split('/').All(segment => PreviewSite.NameProblem(segment) is null)),
            "$.previews.prefix",
            $"\"{previews?.Prefix}\" is not a key prefix such as \"_previews/\" (segments of letters, digits, '.', '_' and '-'; not empty, not '.' or '..').",
            error);
    }

    private static void GlobAt(string pattern, string at, Error error)
    {
        try
        {
            Glob.Parse(pattern);
        }
        catch (DeployException e)
        {
            throw error(at, e.Message, DiagnosticCode.BadGlob);
        }
    }

    private static void OneOf(string? value, string[] allowed, string at, Error error) =>
        Require(value is null || allowed.Contains(value), at, $"\"{value}\" is not one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}.", error);

    private static void Require([DoesNotReturnIf(false)] bool condition, string at, string message, Error error)
    {
        if (!condition)
        {
            throw error(at, message, DiagnosticCode.ConfigBadValue);
        }
    }
}
