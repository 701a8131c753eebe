using System.CommandLine;
using System.Text.Json.Nodes;
using S3Deploy.Core;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Config;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Text;
using S3Deploy.Core.Website;

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
    private readonly Option<string?> targetName = new("--target") { HelpName = "NAME", Description = "Named target from \"targets\" in s3deploy.json (e.g. staging), laid over the file's top level." };
    private readonly Option<string?> region = new("--region") { HelpName = "REGION", Description = "AWS region of the bucket (default: AWS_REGION or the profile's region)." };
    private readonly Option<string?> profile = new("--profile") { HelpName = "NAME", Description = "Named profile from ~/.aws/config or ~/.aws/credentials." };
    private readonly Option<string?> endpointUrl = new("--endpoint-url") { HelpName = "URL", Description = "URL of an S3-compatible service; uses path-style addressing." };
    private readonly Option<bool> noDelete = new("--no-delete") { Description = "Never delete objects that are not in the source folder." };
    private readonly Option<int> maxDeletes = new("--max-deletes") { HelpName = "N", Description = $"Refuse the deploy if it would delete more objects than this (default {DeployOptions.DefaultMaxDeletes})." };
    private readonly Option<bool> allowEmpty = new("--allow-empty") { Description = "Allow an empty source folder to delete everything under the target." };
    private readonly Option<string[]> exclude = new("--exclude") { HelpName = "GLOB", Description = "Glob of files to neither upload nor delete (repeatable), e.g. '*.map' or 'drafts/'." };
    private readonly Option<int> concurrency = new("--concurrency") { HelpName = "N", Description = $"Requests in flight at once, 1 to {DeployOptions.MaxConcurrency} (default {DeployOptions.DefaultConcurrency})." };
    private readonly Option<bool> dryRun = new("--dry-run") { Description = "Show what would change, change nothing." };
    private readonly Option<bool> json = new("--json") { Description = "Print one JSON object with the result on stdout." };
    private readonly Option<bool> followSymlinks = new("--follow-symlinks") { Description = "Deploy files that symbolic links point to outside the source folder." };
    private readonly Option<bool> noHashCache = new("--no-hash-cache") { Description = "Read every file, instead of taking the MD5 of files unchanged since the last deploy (same size, mtime, ctime and inode) from the local hash cache." };
    private readonly Option<string?> cacheControl = new("--cache-control") { HelpName = "VALUE", Description = "Cache-Control for files no rule gives one (replaces the built-in defaults)." };
    private readonly Option<string?> precompressed = new("--precompressed") { HelpName = "br|gzip|none|negotiate", Description = "Upload X.br or X.gz found beside X as X, with its Content-Encoding: br, gzip or none; negotiate (with --cloudfront-hosting) keeps all three for CloudFront to choose by Accept-Encoding." };
    private readonly Option<string?> sse = new("--sse") { HelpName = "AES256|aws:kms", Description = "Server-side encryption for every object: AES256 or aws:kms." };
    private readonly Option<string?> sseKmsKeyId = new("--sse-kms-key-id") { HelpName = "KEY", Description = "KMS key for --sse aws:kms." };
    private readonly Option<string?> storageClass = new("--storage-class") { HelpName = "CLASS", Description = "Storage class for every object, e.g. STANDARD_IA." };
    private readonly Option<bool> website = new("--website") { Description = "Configure S3 website hosting (settings from \"website\" in s3deploy.json, or defaults)." };
    private readonly Option<string?> indexDocument = new("--index-document") { HelpName = "FILE", Description = $"Website index document (default {new WebsiteSettings().Index}); implies --website." };
    private readonly Option<string?> errorDocument = new("--error-document") { HelpName = "FILE", Description = "Website error document, e.g. 404.html; implies --website." };
    private readonly Option<bool> spa = new("--spa") { Description = "Single-page app: missing paths serve the index document; implies --website." };
    private readonly Option<bool> makePublic = new("--public") { Description = "Make the prefix publicly readable with a bucket policy (relaxes the public access block only as needed)." };
    private readonly Option<string?> keepStale = new("--keep-stale") { HelpName = "DURATION", Description = "Keep stale objects this long before deleting them, e.g. 24h." };
    private readonly Option<string[]> cloudfront = new("--cloudfront") { HelpName = "ID", Description = "CloudFront distribution id to invalidate (repeatable)." };
    private readonly Option<string?> cloudfrontEndpoint = new("--cloudfront-endpoint-url") { HelpName = "URL", Description = "Another CloudFront endpoint (tests, other partitions)." };
    private readonly Option<bool> noWait = new("--no-wait") { Description = "Do not wait for invalidations to complete (stale objects are then deleted at once)." };
    private readonly Option<string?> waitTimeout = new("--wait-timeout") { HelpName = "DURATION", Description = $"How long to wait for invalidations (default {Durations.Format(new CloudFrontSettings().WaitTimeout)}); a timeout is a warning." };
    private readonly Option<string?> timeout = new("--timeout") { HelpName = "DURATION", Description = $"How long a request may make no progress before it is retried (default {ConnectionOptions.DefaultTimeout.TotalSeconds:0}s); slower bodies than 1 KiB/s are cut off after it." };
    private readonly Option<int> maxPaths = new("--max-invalidation-paths") { HelpName = "N", Description = $"Above this many paths, invalidate the fewest wildcards that cover them (default {new CloudFrontSettings().MaxPaths})." };
    private readonly Option<bool> cloudfrontHosting = new("--cloudfront-hosting") { Description = "Make the distributions serve the site as --website makes S3 serve it: index documents, redirects, SPA routes, Accept-Encoding negotiation and \"headers\" at the edge (a CloudFront Function and the distribution's settings)." };
    private readonly Option<string?> preview = new("--preview") { HelpName = "NAME", Description = "Deploy a preview named NAME (e.g. a pull request number) to PREFIX/_previews/NAME/ instead of the target; nothing else changes." };
    private readonly RoleFlags role = new();
    private readonly Option<int> keepReleases = new("--keep-releases") { HelpName = "N", Description = $"Releases kept for rollback (default {DeployOptions.DefaultKeepReleases}; 0 turns history off)." };
    private readonly Option<string?> message = new("--message") { HelpName = "TEXT", Description = "Recorded with the release (beside the CI's commit, GITHUB_SHA or BUILD_SOURCEVERSION)." };
    private readonly Option<bool> noLock = new("--no-lock") { Description = "Do not take the prefix's deploy lock (by default a second deploy or rollback meanwhile is refused, S3D070)." };
    private readonly Option<bool> breakLock = new("--break-lock") { Description = "Take the prefix's deploy lock even if another deploy holds it (one that was killed on another machine)." };
    private readonly Option<bool> diagnostics = new("--diagnostics") { Description = "Print stack traces of failures." };
    private readonly OptionField[] fields;

    public DeployCommand()
    {
        // Where each argument and option goes in s3deploy.json's shape: the one list that says what a flag sets, and so
        // which flag an error about that field names.
        fields =
        [
            Text(source, "source"), Text(target, "target"), Text(region, "region"), Text(profile, "profile"), Text(endpointUrl, "endpointUrl"),
            Set(noDelete, "delete", false), Number(maxDeletes, "maxDeletes"), Set(allowEmpty, "allowEmpty", true), List(exclude, "exclude"),
            Number(concurrency, "concurrency"), Set(followSymlinks, "followSymlinks", true), Set(noHashCache, "hashCache", false), Text(cacheControl, "cacheControl"),
            Text(precompressed, "precompressed"), Text(sse, "sse"), Text(sseKmsKeyId, "sseKmsKeyId"), Text(storageClass, "storageClass"),
            Set(website, "website", new JsonObject()), Text(indexDocument, "website.index"), Text(errorDocument, "website.error"),
            Set(spa, "website.spa", true), Set(makePublic, "public", true), Text(keepStale, "keepStale"),
            List(cloudfront, "cloudfront.distributions"), Text(cloudfrontEndpoint, "cloudfront.endpointUrl"), Set(noWait, "cloudfront.wait", false),
            Text(waitTimeout, "cloudfront.waitTimeout"), Number(maxPaths, "cloudfront.maxPaths"), Text(timeout, "timeout"),
            Set(cloudfrontHosting, "cloudfront.hosting", true),
            Number(keepReleases, "keepReleases"), Set(noLock, "lock", false),
        ];
    }

    public Command Build(string name, string description)
    {
        var command = new Command(name, description) { source, target };
        Option[] options = [config, targetName, .. fields.Select(f => f.Symbol).OfType<Option>(), preview, .. role.All, message, breakLock, json, diagnostics];
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
        var given = new GivenConfig(name => name);
        foreach (var field in fields)
        {
            if (field.Value(parse) is { } value)
            {
                given.Set(field.Path, value, field.Name);
            }
        }

        var name = parse.GetValue(targetName);
        var options = file.WithTarget(name).OverriddenBy(given.ToConfig(Environment.CurrentDirectory)).ToOptions(planOnly || parse.GetValue(dryRun)) with
        {
            TargetName = name,
            ReleaseMessage = parse.GetValue(message),
            BreakLock = parse.GetValue(breakLock),
        };
        options = options with { Connection = role.Apply(options.Connection, parse) };
        return PreviewSite.For(options, parse.GetValue(preview));
    }

    private static OptionField Text(Argument<string?> argument, string path) =>
        new(argument, path, parse => parse.GetValue(argument) is { } value ? JsonValue.Create(value) : null);

    private static OptionField Text(Option<string?> option, string path) =>
        new(option, path, parse => parse.GetValue(option) is { } value ? JsonValue.Create(value) : null);

    private static OptionField Number(Option<int> option, string path) =>
        new(option, path, parse => Given(parse, option) ? JsonValue.Create(parse.GetValue(option)) : null);

    private static OptionField List(Option<string[]> option, string path) =>
        new(option, path, parse => Given(parse, option) ? new JsonArray([.. (parse.GetValue(option) ?? []).Select(v => JsonValue.Create(v))]) : null);

    /// <summary>A flag: given, it sets <paramref name="value"/> whatever follows it.</summary>
    private static OptionField Set(Option<bool> option, string path, JsonNode value) =>
        new(option, path, parse => Given(parse, option) ? value.DeepClone() : null);

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private sealed record OptionField(Symbol Symbol, string Path, Func<ParseResult, JsonNode?> Value)
    {
        public string Name => Symbol.Name;
    }
}
