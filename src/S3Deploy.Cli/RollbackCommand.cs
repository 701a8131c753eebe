using System.CommandLine;
using System.Text.Json.Nodes;
using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Releases;

namespace S3Deploy.Cli;

/// <summary>
/// <c>s3deploy rollback s3://BUCKET/PREFIX [--to ID]</c>: the prefix back to a release, through the same run, output and
/// error path as a deploy. Connection, CloudFront and safety settings come from s3deploy.json as for a deploy.
/// </summary>
internal sealed class RollbackCommand
{
    private readonly Argument<string?> target = new("TARGET") { Description = "The deployed prefix: s3://BUCKET or s3://BUCKET/PREFIX. Default: \"target\" in s3deploy.json.", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> to = new("--to") { HelpName = "ID", Description = "The release to return to (default: the one before the live one); 's3deploy releases' lists them." };
    private readonly Option<string?> config = new("--config") { HelpName = "FILE", Description = "Config file (default: s3deploy.json in the working directory, if present)." };
    private readonly Option<string?> region = new("--region") { HelpName = "REGION", Description = "AWS region of the bucket." };
    private readonly Option<string?> profile = new("--profile") { HelpName = "NAME", Description = "Named profile from ~/.aws/config or ~/.aws/credentials." };
    private readonly Option<string?> endpointUrl = new("--endpoint-url") { HelpName = "URL", Description = "URL of an S3-compatible service; uses path-style addressing." };
    private readonly Option<int> maxDeletes = new("--max-deletes") { HelpName = "N", Description = $"Refuse if the rollback would delete more objects than this (default {DeployOptions.DefaultMaxDeletes})." };
    private readonly Option<int> keepReleases = new("--keep-releases") { HelpName = "N", Description = $"Releases kept for rollback (default {DeployOptions.DefaultKeepReleases})." };
    private readonly Option<string[]> cloudfront = new("--cloudfront") { HelpName = "ID", Description = "CloudFront distribution id to invalidate (repeatable)." };
    private readonly Option<string?> cloudfrontEndpoint = new("--cloudfront-endpoint-url") { HelpName = "URL", Description = "Another CloudFront endpoint (tests, other partitions)." };
    private readonly Option<bool> noWait = new("--no-wait") { Description = "Do not wait for invalidations to complete." };
    private readonly Option<string?> message = new("--message") { HelpName = "TEXT", Description = "Recorded with the rollback's release." };
    private readonly Option<bool> noLock = new("--no-lock") { Description = "Do not take the prefix's deploy lock (by default a deploy meanwhile is refused, S3D070)." };
    private readonly Option<bool> breakLock = new("--break-lock") { Description = "Take the prefix's deploy lock even if another deploy holds it." };
    private readonly Option<bool> dryRun = new("--dry-run") { Description = "Show what the rollback would change, change nothing." };
    private readonly Option<bool> json = new("--json") { Description = "Print one JSON object with the result on stdout (the shape of deploy's)." };
    private readonly Option<bool> diagnostics = new("--diagnostics") { Description = "Print stack traces of failures." };

    public Command Build()
    {
        var command = new Command("rollback", "Return the prefix to an earlier release (server-side copies; no rebuild).") { target };
        foreach (var option in new Option[] { to, config, region, profile, endpointUrl, maxDeletes, keepReleases, cloudfront, cloudfrontEndpoint, noWait, message, noLock, breakLock, dryRun, json, diagnostics })
        {
            command.Options.Add(option);
        }

        return command;
    }

    public DeployRequest Request(ParseResult parse) =>
        new(() => ToOptions(parse), parse.GetValue(json), parse.GetValue(dryRun), parse.GetValue(diagnostics))
        {
            Run = (observer, options, ct) => new ReleaseManager(observer).RollbackAsync(options, parse.GetValue(to), ct),
        };

    private DeployOptions ToOptions(ParseResult parse)
    {
        var file = ConfigFile.Find(parse.GetValue(config)) ?? new DeployConfig();
        var given = new GivenConfig(name => name);
        Text(given, parse, target, "target", "TARGET");
        Text(given, parse, region, "region", region.Name);
        Text(given, parse, profile, "profile", profile.Name);
        Text(given, parse, endpointUrl, "endpointUrl", endpointUrl.Name);
        Text(given, parse, cloudfrontEndpoint, "cloudfront.endpointUrl", cloudfrontEndpoint.Name);
        Number(given, parse, maxDeletes, "maxDeletes");
        Number(given, parse, keepReleases, "keepReleases");
        if (parse.GetResult(cloudfront) is { Implicit: false })
        {
            given.Set("cloudfront.distributions", new JsonArray([.. (parse.GetValue(cloudfront) ?? []).Select(v => JsonValue.Create(v))]), cloudfront.Name);
        }

        if (parse.GetValue(noLock))
        {
            given.Set("lock", false, noLock.Name);
        }

        if (parse.GetValue(noWait))
        {
            given.Set("cloudfront.wait", false, noWait.Name);
        }

        // A rollback reads no folder; the config's "source" (or this placeholder) is never scanned.
        var merged = file.OverriddenBy(given.ToConfig(Environment.CurrentDirectory));
        merged.Source ??= ".";
        return merged.ToOptions(parse.GetValue(dryRun)) with { ReleaseMessage = parse.GetValue(message), BreakLock = parse.GetValue(breakLock) };
    }

    private static void Text(GivenConfig given, ParseResult parse, Argument<string?> argument, string path, string name)
    {
        if (parse.GetValue(argument) is { } value)
        {
            given.Set(path, value, name);
        }
    }

    private static void Text(GivenConfig given, ParseResult parse, Option<string?> option, string path, string name)
    {
        if (parse.GetValue(option) is { } value)
        {
            given.Set(path, value, name);
        }
    }

    private static void Number(GivenConfig given, ParseResult parse, Option<int> option, string path)
    {
        if (parse.GetResult(option) is { Implicit: false })
        {
            given.Set(path, parse.GetValue(option), option.Name);
        }
    }
}
