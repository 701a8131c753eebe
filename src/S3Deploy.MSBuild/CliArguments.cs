using System;
using System.Linq;
using Microsoft.Build.Utilities;

namespace S3Deploy.MSBuild;

/// <summary>One CLI option per property. No credential is ever an argument: the child inherits them with the environment.</summary>
internal static class CliArguments
{
    public static string Build(S3DeployTask task)
    {
        var rollback = task.Rollback || !string.IsNullOrWhiteSpace(task.RollbackTo);
        var args = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        args.AppendFileNameIfNotNull(task.CliPath);
        args.AppendSwitch(rollback ? "rollback" : "deploy");
        if (!rollback)
        {
            args.AppendFileNameIfNotNull(Folder(task.Source));
        }

        if (!string.IsNullOrEmpty(task.Bucket))
        {
            args.AppendFileNameIfNotNull(string.IsNullOrEmpty(task.Prefix) ? $"s3://{task.Bucket}" : $"s3://{task.Bucket}/{task.Prefix!.Trim('/')}");
        }

        args.AppendSwitch("--json");
        foreach (var (flag, value) in Options(task).Where(o => !rollback || RollbackFlags.Contains(o.Flag)))
        {
            if (value is true)
            {
                args.AppendSwitch(flag);
            }

            string[] values = value switch { string[] many => many, string one => [one], _ => [] };
            foreach (var text in values.Where(v => !string.IsNullOrWhiteSpace(v)))
            {
                args.AppendSwitchIfNotNull(flag + " ", text.Trim());
            }
        }

        return args.ToString();
    }

    /// <summary>The options 's3deploy rollback' takes; the others only shape a deploy.</summary>
    private static readonly string[] RollbackFlags =
        ["--config", "--region", "--profile", "--endpoint-url", "--max-deletes", "--keep-releases", "--message", "--dry-run", "--cloudfront", "--cloudfront-endpoint-url", "--no-wait", "--diagnostics", "--to", "--break-lock"];

    /// <summary>"--max-deletes: …" from the CLI reads "S3DeployMaxDeletes: …" in a build: the property the user set.</summary>
    public static string InPropertyWords(string message, string? flag) =>
        flag is not null && message.StartsWith(flag, StringComparison.Ordinal) && Array.Find(Table(new S3DeployTask()), o => o.Flag == flag).Property is { } property
            ? "S3Deploy" + property + message.Substring(flag.Length)
            : message;

    private static (string Flag, object? Value)[] Options(S3DeployTask t) => [.. Table(t).Select(o => (o.Flag, o.Value))];

    /// <summary>The CLI's options by concern, with the task parameter (S3Deploy + its name is the MSBuild property) that gives each.
    /// A bool is a switch given when true, a string a value given when not blank, a list one option per item.</summary>
    private static (string Flag, string Property, object? Value)[] Table(S3DeployTask t) =>
    [
        ("--config", nameof(t.Config), t.Config), ("--target", nameof(t.Target), t.Target), ("--region", nameof(t.Region), t.Region), ("--profile", nameof(t.Profile), t.Profile),
        ("--endpoint-url", nameof(t.EndpointUrl), t.EndpointUrl), ("--no-delete", nameof(t.Delete), !t.Delete), ("--max-deletes", nameof(t.MaxDeletes), t.MaxDeletes),
        ("--allow-empty", nameof(t.AllowEmpty), t.AllowEmpty), ("--keep-stale", nameof(t.KeepStale), t.KeepStale), ("--exclude", nameof(t.Exclude), t.Exclude),
        ("--follow-symlinks", nameof(t.FollowSymlinks), t.FollowSymlinks), ("--no-hash-cache", nameof(t.HashCache), !t.HashCache),
        ("--concurrency", nameof(t.Concurrency), t.Concurrency), ("--dry-run", nameof(t.DryRun), t.DryRun),
        ("--cache-control", nameof(t.CacheControl), t.CacheControl), ("--precompressed", nameof(t.Precompressed), t.Precompressed),
        ("--sse", nameof(t.Sse), t.Sse), ("--sse-kms-key-id", nameof(t.SseKmsKeyId), t.SseKmsKeyId), ("--storage-class", nameof(t.StorageClass), t.StorageClass),
        ("--website", nameof(t.Website), t.Website), ("--index-document", nameof(t.IndexDocument), t.IndexDocument), ("--error-document", nameof(t.ErrorDocument), t.ErrorDocument),
        ("--spa", nameof(t.Spa), t.Spa), ("--public", nameof(t.Public), t.Public), ("--cloudfront", nameof(t.CloudFront), t.CloudFront),
        ("--cloudfront-endpoint-url", nameof(t.CloudFrontEndpointUrl), t.CloudFrontEndpointUrl), ("--no-wait", nameof(t.Wait), !t.Wait),
        ("--wait-timeout", nameof(t.WaitTimeout), t.WaitTimeout), ("--max-invalidation-paths", nameof(t.MaxInvalidationPaths), t.MaxInvalidationPaths),
        ("--diagnostics", nameof(t.Diagnostics), t.Diagnostics), ("--cloudfront-hosting", nameof(t.CloudFrontHosting), t.CloudFrontHosting),
        ("--preview", nameof(t.Preview), t.Preview),
        ("--role-arn", nameof(t.RoleArn), t.RoleArn), ("--external-id", nameof(t.ExternalId), t.ExternalId), ("--role-session-name", nameof(t.RoleSessionName), t.RoleSessionName),
        ("--keep-releases", nameof(t.KeepReleases), t.KeepReleases), ("--message", nameof(t.Message), t.Message), ("--to", nameof(t.RollbackTo), t.RollbackTo),
        ("--break-lock", nameof(t.BreakLock), t.BreakLock),
    ];

    /// <summary>Without its trailing separator, which would escape the closing quote on Windows.</summary>
    private static string Folder(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        return trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? path : trimmed;
    }
}
