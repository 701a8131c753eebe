using Amazon.S3;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core;

/// <summary>
/// A preview is a deploy into its own folder under the previews prefix (<c>PREFIX/_previews/NAME/</c>); the deploy of the
/// target itself never counts anything under the previews prefix as stale.
/// </summary>
internal static class PreviewSite
{
    public const string DefaultPrefix = "_previews";
    public const int MaxNameLength = 63;

    /// <summary>The options of a deploy of preview <paramref name="name"/> instead of the target; null leaves them as they are.</summary>
    public static DeployOptions For(DeployOptions options, string? name)
    {
        if (name is null)
        {
            return options;
        }

        Check(name);
        var prefix = string.Join('/', new[] { options.Target.Prefix, options.PreviewsPrefix, name }.Where(p => p.Length > 0));
        return options with { Target = options.Target with { Prefix = prefix }, Preview = name };
    }

    /// <summary>A name that is one safe key segment: a pull request number, a branch name with its slashes replaced.</summary>
    public static void Check(string name)
    {
        if (NameProblem(name) is { } problem)
        {
            throw DeployException.Usage(DiagnosticCode.BadPreviewName, $"The preview name '{Headers.HeaderValues.Printable(name)}' {problem}. Use letters, digits, '.', '_' and '-', e.g. the pull request number.");
        }
    }

    public static string? NameProblem(string name) => name switch
    {
        { Length: 0 } => "is empty",
        { Length: > MaxNameLength } => $"is longer than {MaxNameLength} characters",
        "." or ".." => "is a '.' or '..' path segment, which browsers and CloudFront resolve",
        _ when !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') => "has a character other than letters, digits, '.', '_' and '-'",
        _ => null,
    };

    /// <summary>True for a key (relative to the target) that a deploy of the target must leave alone: it belongs to a preview.</summary>
    public static bool IsShielded(string relativeKey, DeployOptions options) =>
        options.Preview is null && relativeKey.StartsWith(options.PreviewsPrefix + "/", StringComparison.Ordinal);

    /// <summary>
    /// Where the preview is served: under the first distribution's domain when the deploy names one (HTTPS, and what a private
    /// bucket is served by), else the website endpoint; null for a deploy of the target.
    /// </summary>
    public static async Task<string?> UrlAsync(IAmazonS3 s3, DeployOptions options, Func<CloudFront.CloudFrontClient> clients, CancellationToken ct)
    {
        if (options.Preview is null || options.CloudFront.Distributions.Count == 0)
        {
            return Url(s3, options);
        }

        var (domain, config) = await clients().GetDistributionAsync(options.CloudFront.Distributions[0], ct);
        return CloudFrontUrl(domain, config.OriginFor(options.Target.Bucket)?.OriginPath ?? "", options.Target.Prefix) ?? Url(s3, options);
    }

    /// <summary>The viewer URL of the folder <paramref name="prefix"/>; null when the origin path is not above it, so the distribution does not serve it.</summary>
    public static string? CloudFrontUrl(string domain, string originPath, string prefix)
    {
        var origin = originPath.Trim('/');
        var folder = prefix.Trim('/');
        if (origin.Length > 0)
        {
            if (!folder.StartsWith(origin + "/", StringComparison.Ordinal))
            {
                return null;
            }

            folder = folder[(origin.Length + 1)..];
        }

        return $"https://{domain}/{string.Join('/', folder.Split('/').Select(Uri.EscapeDataString))}/";
    }

    /// <summary>The preview's website endpoint when its target is a website; null for a deploy of the target, or without website hosting.</summary>
    public static string? Url(IAmazonS3 s3, DeployOptions options)
    {
        if (options.Preview is null || options.Website is null)
        {
            return null;
        }

        var region = options.Connection.Region ?? s3.Config.RegionEndpoint?.SystemName ?? s3.Config.AuthenticationRegion ?? "us-east-1";
        return Website.WebsiteEndpoint.Url(options.Target, region, options.Connection.EndpointUrl);
    }
}
