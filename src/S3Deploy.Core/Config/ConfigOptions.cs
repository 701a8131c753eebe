using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;
using S3Deploy.Core.Text;
using S3Deploy.Core.Website;

namespace S3Deploy.Core.Config;

/// <summary>Turns a (layered) config into the options a deploy runs with.</summary>
internal static class ConfigOptions
{
    public static DeployOptions ToOptions(this DeployConfig config, bool dryRun)
    {
        config.Validate();
        HostingChecks.Requirements(config, config.Origins.Error);
        var source = config.Source ?? throw DeployException.Usage(DiagnosticCode.BadOption, "No source folder: give SOURCE on the command line or \"source\" in s3deploy.json.");
        var target = config.Target ?? throw DeployException.Usage(DiagnosticCode.BadOption, "No target: give s3://BUCKET[/PREFIX] on the command line or \"target\" in s3deploy.json.");
        var defaults = new DeployOptions { Source = source, Target = S3Target.Parse(target) };
        return defaults with
        {
            Source = Path.IsPathRooted(source) || config.BaseDirectory == Environment.CurrentDirectory
                ? source
                : Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(source, config.BaseDirectory)),
            Connection = new ConnectionOptions(config.Region, config.Profile, config.EndpointUrl) { Timeout = Duration(config.Timeout, ConnectionOptions.DefaultTimeout) },
            Delete = config.Delete ?? defaults.Delete,
            MaxDeletes = config.MaxDeletes ?? defaults.MaxDeletes,
            AllowEmpty = config.AllowEmpty ?? defaults.AllowEmpty,
            Excludes = config.Exclude ?? [],
            Concurrency = config.Concurrency ?? defaults.Concurrency,
            FollowSymlinks = config.FollowSymlinks ?? defaults.FollowSymlinks,
            HashCache = config.HashCache ?? defaults.HashCache,
            DryRun = dryRun,
            Precompressed = config.Precompressed == HostingChecks.Negotiate ? Compression.None : Encodings.Parse(config.Precompressed, "precompressed"),
            NegotiateEncodings = config.Precompressed == HostingChecks.Negotiate,
            Redirects = config.Redirects ?? [],
            Website = config.Website is null ? null : ToWebsite(config.Website),
            Public = config.Public ?? false,
            KeepStale = Duration(config.KeepStale, TimeSpan.Zero),
            ResponseHeaders = config.Headers ?? [],
            KeepReleases = config.KeepReleases ?? defaults.KeepReleases,
            Lock = config.Lock ?? defaults.Lock,
            CloudFront = ToCloudFront(config.Cloudfront),
            Substitute = config.Substitute ?? [],
            Values = config.Values ?? [],
            PreviewsPrefix = config.Previews?.Prefix?.Trim('/') ?? defaults.PreviewsPrefix,
            Headers = new HeaderSettings
            {
                CacheControl = config.CacheControl,
                ServerSideEncryption = config.Sse,
                SseKmsKeyId = config.SseKmsKeyId,
                StorageClass = config.StorageClass,
                // Substituted files differ per target under the same name: entry documents (short cache), unless a rule says otherwise.
                Rules = [.. (config.Substitute ?? []).Select(glob => new HeaderRule(Glob.Parse(glob)) { Entry = true }), .. (config.Rules ?? []).Select(ToRule)],
            },
        };
    }

    private static TimeSpan Duration(string? text, TimeSpan fallback) => Durations.TryParse(text, out var d) ? d : fallback;

    private static WebsiteSettings ToWebsite(WebsiteConfig website) => new()
    {
        Index = website.Index ?? new WebsiteSettings().Index,
        Error = website.Error,
        Spa = website.Spa ?? false,
        RoutingRules = (website.RoutingRules ?? []).Select(r => new WebsiteRoutingRule
        {
            KeyPrefixEquals = r.Condition?.KeyPrefixEquals,
            HttpErrorCodeReturnedEquals = r.Condition?.HttpErrorCodeReturnedEquals,
            Protocol = r.Redirect?.Protocol,
            HostName = r.Redirect?.HostName,
            ReplaceKeyPrefixWith = r.Redirect?.ReplaceKeyPrefixWith,
            ReplaceKeyWith = r.Redirect?.ReplaceKeyWith,
            HttpRedirectCode = r.Redirect?.HttpRedirectCode,
        }).ToList(),
    };

    private static CloudFrontSettings ToCloudFront(CloudFrontConfig? cloudfront)
    {
        var defaults = new CloudFrontSettings();
        return cloudfront is null ? defaults : new CloudFrontSettings
        {
            Distributions = cloudfront.Distributions ?? [],
            Wait = cloudfront.Wait ?? defaults.Wait,
            WaitTimeout = Duration(cloudfront.WaitTimeout, defaults.WaitTimeout),
            FailOnTimeout = cloudfront.FailOnTimeout ?? defaults.FailOnTimeout,
            MaxPaths = cloudfront.MaxPaths ?? defaults.MaxPaths,
            EndpointUrl = cloudfront.EndpointUrl,
            Hosting = cloudfront.Hosting ?? false,
        };
    }

    private static HeaderRule ToRule(RuleConfig rule, int index) => new(Glob.Parse(rule.Match ?? throw DeployException.Usage(DiagnosticCode.ConfigBadValue, $"rules[{index}] needs \"match\".")))
    {
        CacheControl = rule.CacheControl,
        ContentType = rule.ContentType,
        ContentEncoding = rule.ContentEncoding,
        ContentDisposition = rule.ContentDisposition,
        Metadata = rule.Metadata,
        Compress = rule.Compress is null ? null : Encodings.Parse(rule.Compress, $"rules[{index}].compress"),
        Entry = rule.Entry,
        ServerSideEncryption = rule.Sse,
        SseKmsKeyId = rule.SseKmsKeyId,
        StorageClass = rule.StorageClass,
    };
}
