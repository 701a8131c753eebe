using System.CommandLine;
using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Cli;

/// <summary>
/// The arguments and options of <c>deploy</c> and <c>plan</c>. What they say explicitly is laid over s3deploy.json,
/// which is laid over the built-in defaults.
/// </summary>
internal sealed class DeployCommand
{
    private readonly Argument<string?> source = new("SOURCE") { Description = "The folder to deploy (your build output). Default: \"source\" in s3deploy.json.", Arity = ArgumentArity.ZeroOrOne };
    private readonly Argument<string?> target = new("TARGET") { Description = "Where to deploy: s3://BUCKET or s3://BUCKET/PREFIX. Default: \"target\" in s3deploy.json.", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> config = new("--config") { HelpName = "FILE", Description = "Config file (default: s3deploy.json in the working directory, if present)." };
    private readonly Option<string?> region = new("--region") { HelpName = "REGION", Description = "AWS region of the bucket (default: AWS_REGION or the profile's region)." };
    private readonly Option<string?> profile = new("--profile") { HelpName = "NAME", Description = "Named profile from ~/.aws/config or ~/.aws/credentials." };
    private readonly Option<string?> endpointUrl = new("--endpoint-url") { HelpName = "URL", Description = "URL of an S3-compatible service; uses path-style addressing." };
    private readonly Option<bool> noDelete = new("--no-delete") { Description = "Never delete objects that are not in the source folder." };
    private readonly Option<int> maxDeletes = new("--max-deletes") { HelpName = "N", Description = $"Refuse the deploy if it would delete more objects than this (default {DeployOptions.DefaultMaxDeletes})." };
    private readonly Option<bool> allowEmpty = new("--allow-empty") { Description = "Allow an empty source folder to delete everything under the target." };
    private readonly Option<string[]> exclude = new("--exclude") { HelpName = "GLOB", Description = "Glob of files to neither upload nor delete (repeatable), e.g. '*.map' or 'drafts/'." };
    private readonly Option<int> concurrency = new("--concurrency") { HelpName = "N", Description = $"Requests in flight at once, 1 to 256 (default {DeployOptions.DefaultConcurrency})." };
    private readonly Option<bool> dryRun = new("--dry-run") { Description = "Show what would change, change nothing." };
    private readonly Option<bool> json = new("--json") { Description = "Print one JSON object with the result on stdout." };
    private readonly Option<bool> followSymlinks = new("--follow-symlinks") { Description = "Deploy files that symbolic links point to outside the source folder." };
    private readonly Option<string?> cacheControl = new("--cache-control") { HelpName = "VALUE", Description = "Cache-Control for files no rule gives one (replaces the built-in defaults)." };
    private readonly Option<string?> precompressed = new("--precompressed") { HelpName = "br|gzip|none", Description = "Upload X.br or X.gz found beside X as X, with its Content-Encoding: br, gzip or none." };
    private readonly Option<string?> sse = new("--sse") { HelpName = "AES256|aws:kms", Description = "Server-side encryption for every object: AES256 or aws:kms." };
    private readonly Option<string?> sseKmsKeyId = new("--sse-kms-key-id") { HelpName = "KEY", Description = "KMS key for --sse aws:kms." };
    private readonly Option<string?> storageClass = new("--storage-class") { HelpName = "CLASS", Description = "Storage class for every object, e.g. STANDARD_IA." };
    private readonly Option<bool> website = new("--website") { Description = "Configure S3 website hosting (settings from \"website\" in s3deploy.json, or defaults)." };
    private readonly Option<string?> indexDocument = new("--index-document") { HelpName = "FILE", Description = "Website index document (default index.html); implies --website." };
    private readonly Option<string?> errorDocument = new("--error-document") { HelpName = "FILE", Description = "Website error document, e.g. 404.html; implies --website." };
    private readonly Option<bool> spa = new("--spa") { Description = "Single-page app: missing paths serve the index document; implies --website." };
    private readonly Option<bool> makePublic = new("--public") { Description = "Make the prefix publicly readable with a bucket policy (relaxes the public access block only as needed)." };
    private readonly Option<string?> keepStale = new("--keep-stale") { HelpName = "DURATION", Description = "Keep stale objects this long before deleting them, e.g. 24h." };
    private readonly Option<string[]> cloudfront = new("--cloudfront") { HelpName = "ID", Description = "CloudFront distribution id to invalidate (repeatable)." };
    private readonly Option<string?> cloudfrontEndpoint = new("--cloudfront-endpoint-url") { HelpName = "URL", Description = "Another CloudFront endpoint (tests, other partitions)." };
    private readonly Option<bool> noWait = new("--no-wait") { Description = "Do not wait for invalidations to complete (stale objects are then deleted at once)." };
    private readonly Option<string?> waitTimeout = new("--wait-timeout") { HelpName = "DURATION", Description = "How long to wait for invalidations (default 15m); a timeout is a warning." };
    private readonly Option<string?> timeout = new("--timeout") { HelpName = "DURATION", Description = "How long a request may make no progress before it is retried (default 60s); slower bodies than 1 KiB/s are cut off after it." };
    private readonly Option<int> maxPaths = new("--max-invalidation-paths") { HelpName = "N", Description = "Above this many paths, invalidate the fewest wildcards that cover them (default 25)." };
    private readonly Option<bool> diagnostics = new("--diagnostics") { Description = "Print stack traces of failures." };

    public Command Build(string name, string description)
    {
        var command = new Command(name, description) { source, target };
        Option[] options =
        [
            config, region, profile, endpointUrl, noDelete, maxDeletes, allowEmpty, exclude, concurrency, json, followSymlinks, cacheControl,
            precompressed, sse, sseKmsKeyId, storageClass, website, indexDocument, errorDocument, spa, makePublic, keepStale,
            cloudfront, cloudfrontEndpoint, noWait, waitTimeout, maxPaths, diagnostics, timeout,
        ];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        if (name == "deploy")
        {
            command.Options.Add(dryRun);
        }

        var names = command.Options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var option in command.Options.Where(o => o.ValueType == typeof(string) || o.ValueType == typeof(string[])))
        {
            // "--region --dry-run" would otherwise deploy to a region called "--dry-run" and silently drop the flag.
            option.Validators.Add(result =>
            {
                if (result.Tokens.FirstOrDefault(t => names.Contains(t.Value)) is not null)
                {
                    result.AddError(Usage.ParseErrors.MissingValueOf(option.Name));
                }
            });
        }

        return command;
    }

    public bool Json(ParseResult parse) => parse.GetValue(json);

    public bool Diagnostics(ParseResult parse) => parse.GetValue(diagnostics);

    public bool DryRun(ParseResult parse) => parse.GetResult(dryRun) is not null && parse.GetValue(dryRun);

    public DeployOptions ToOptions(ParseResult parse, bool planOnly)
    {
        var file = ConfigFile.Find(parse.GetValue(config)) ?? new DeployConfig();
        var given = new DeployConfig
        {
            Source = parse.GetValue(source),
            Target = parse.GetValue(target),
            Region = parse.GetValue(region),
            Profile = parse.GetValue(profile),
            EndpointUrl = parse.GetValue(endpointUrl),
            Delete = Given(parse, noDelete) ? false : null,
            MaxDeletes = Given(parse, maxDeletes) ? parse.GetValue(maxDeletes) : null,
            AllowEmpty = Given(parse, allowEmpty) ? true : null,
            Exclude = Given(parse, exclude) ? [.. parse.GetValue(exclude) ?? []] : null,
            Concurrency = Given(parse, concurrency) ? parse.GetValue(concurrency) : null,
            FollowSymlinks = Given(parse, followSymlinks) ? true : null,
            CacheControl = parse.GetValue(cacheControl),
            Precompressed = parse.GetValue(precompressed),
            Sse = parse.GetValue(sse),
            SseKmsKeyId = parse.GetValue(sseKmsKeyId),
            StorageClass = parse.GetValue(storageClass),
            Website = WebsiteGiven(parse),
            Public = Given(parse, makePublic) ? true : null,
            KeepStale = parse.GetValue(keepStale),
            Timeout = parse.GetValue(timeout),
            Cloudfront = CloudFrontGiven(parse),
        };
        return file.OverriddenBy(given).ToOptions(planOnly || parse.GetValue(dryRun));
    }

    private WebsiteConfig? WebsiteGiven(ParseResult parse) =>
        Given(parse, website) || Given(parse, indexDocument) || Given(parse, errorDocument) || Given(parse, spa)
            ? new WebsiteConfig { Index = parse.GetValue(indexDocument), Error = parse.GetValue(errorDocument), Spa = Given(parse, spa) ? true : null }
            : null;

    private CloudFrontConfig? CloudFrontGiven(ParseResult parse)
    {
        Option[] any = [cloudfront, cloudfrontEndpoint, noWait, waitTimeout, maxPaths];
        return any.Any(o => Given(parse, o))
            ? new CloudFrontConfig
            {
                Distributions = Given(parse, cloudfront) ? [.. parse.GetValue(cloudfront) ?? []] : null,
                EndpointUrl = parse.GetValue(cloudfrontEndpoint),
                Wait = Given(parse, noWait) ? false : null,
                WaitTimeout = parse.GetValue(waitTimeout),
                MaxPaths = Given(parse, maxPaths) ? parse.GetValue(maxPaths) : null,
            }
            : null;
    }

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };
}
