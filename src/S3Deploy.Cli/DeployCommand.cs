using System.CommandLine;
using S3Deploy.Core;

namespace S3Deploy.Cli;

/// <summary>The arguments and options of <c>deploy</c> and <c>plan</c>, and their translation to <see cref="DeployOptions"/>.</summary>
internal sealed class DeployCommand
{
    private readonly Argument<string> source = new("SOURCE") { Description = "The folder to deploy (your build output)." };
    private readonly Argument<string> target = new("TARGET") { Description = "Where to deploy: s3://BUCKET or s3://BUCKET/PREFIX." };
    private readonly Option<string?> region = new("--region") { Description = "AWS region of the bucket (default: AWS_REGION or the profile's region)." };
    private readonly Option<string?> profile = new("--profile") { Description = "Named profile from ~/.aws/config or ~/.aws/credentials." };
    private readonly Option<string?> endpointUrl = new("--endpoint-url") { Description = "URL of an S3-compatible service; uses path-style addressing." };
    private readonly Option<bool> noDelete = new("--no-delete") { Description = "Never delete objects that are not in the source folder." };
    private readonly Option<int> maxDeletes = new("--max-deletes") { Description = "Refuse the deploy if it would delete more objects than this.", DefaultValueFactory = _ => DeployOptions.DefaultMaxDeletes };
    private readonly Option<bool> allowEmpty = new("--allow-empty") { Description = "Allow an empty source folder to delete everything under the target." };
    private readonly Option<string[]> exclude = new("--exclude") { Description = "Glob of files to neither upload nor delete (repeatable), e.g. '*.map' or 'drafts/'." };
    private readonly Option<int> concurrency = new("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => DeployOptions.DefaultConcurrency };
    private readonly Option<bool> dryRun = new("--dry-run") { Description = "Show what would change, change nothing." };
    private readonly Option<bool> json = new("--json") { Description = "Print one JSON object with the result on stdout." };
    private readonly Option<bool> followSymlinks = new("--follow-symlinks") { Description = "Deploy files that symbolic links point to outside the source folder." };
    private readonly Option<string?> cacheControl = new("--cache-control") { Description = "Cache-Control for every file (default: HTML revalidates, other files cache for an hour)." };
    private readonly Option<bool> diagnostics = new("--diagnostics") { Description = "Print stack traces of failures." };

    public Command Build(string name, string description)
    {
        var command = new Command(name, description) { source, target };
        Option[] options = [region, profile, endpointUrl, noDelete, maxDeletes, allowEmpty, exclude, concurrency, json, followSymlinks, cacheControl, diagnostics];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        if (name == "deploy")
        {
            command.Options.Add(dryRun);
        }

        return command;
    }

    public bool Json(ParseResult parse) => parse.GetValue(json);

    public bool Diagnostics(ParseResult parse) => parse.GetValue(diagnostics);

    public DeployOptions ToOptions(ParseResult parse, bool planOnly) => new()
    {
        Source = parse.GetRequiredValue(source),
        Target = S3Target.Parse(parse.GetRequiredValue(target)),
        Connection = new ConnectionOptions(parse.GetValue(region), parse.GetValue(profile), parse.GetValue(endpointUrl)),
        Delete = !parse.GetValue(noDelete),
        MaxDeletes = parse.GetValue(maxDeletes),
        AllowEmpty = parse.GetValue(allowEmpty),
        Excludes = parse.GetValue(exclude) ?? [],
        Concurrency = parse.GetValue(concurrency),
        DryRun = planOnly || parse.GetValue(dryRun),
        FollowSymlinks = parse.GetValue(followSymlinks),
        CacheControl = parse.GetValue(cacheControl),
    };
}
