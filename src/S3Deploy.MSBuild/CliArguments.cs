using System;
using System.Linq;
using Microsoft.Build.Utilities;

namespace S3Deploy.MSBuild;

/// <summary>One CLI option per property. No credential is ever an argument: the child inherits them with the environment.</summary>
internal static class CliArguments
{
    public static string Build(S3DeployTask task)
    {
        var args = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        args.AppendFileNameIfNotNull(task.CliPath);
        args.AppendSwitch("deploy");
        args.AppendFileNameIfNotNull(Folder(task.Source));
        args.AppendFileNameIfNotNull(string.IsNullOrEmpty(task.Prefix) ? $"s3://{task.Bucket}" : $"s3://{task.Bucket}/{task.Prefix!.Trim('/')}");
        args.AppendSwitch("--json");
        foreach (var (flag, value) in Options(task))
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

    /// <summary>The CLI's options by concern. A bool is a switch given when true, a string a value given when not blank, a list one option per item.</summary>
    private static (string Flag, object? Value)[] Options(S3DeployTask t) =>
    [
        ("--config", t.Config), ("--region", t.Region), ("--profile", t.Profile), ("--endpoint-url", t.EndpointUrl),
        ("--no-delete", !t.Delete), ("--max-deletes", t.MaxDeletes), ("--allow-empty", t.AllowEmpty), ("--keep-stale", t.KeepStale),
        ("--exclude", t.Exclude), ("--follow-symlinks", t.FollowSymlinks), ("--concurrency", t.Concurrency), ("--dry-run", t.DryRun),
        ("--cache-control", t.CacheControl), ("--precompressed", t.Precompressed),
        ("--sse", t.Sse), ("--sse-kms-key-id", t.SseKmsKeyId), ("--storage-class", t.StorageClass),
        ("--website", t.Website), ("--index-document", t.IndexDocument), ("--error-document", t.ErrorDocument), ("--spa", t.Spa), ("--public", t.Public),
        ("--cloudfront", t.CloudFront), ("--cloudfront-endpoint-url", t.CloudFrontEndpointUrl),
        ("--no-wait", !t.Wait), ("--wait-timeout", t.WaitTimeout), ("--max-invalidation-paths", t.MaxInvalidationPaths),
        ("--diagnostics", t.Diagnostics),
    ];

    /// <summary>Without its trailing separator, which would escape the closing quote on Windows.</summary>
    private static string Folder(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        return trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? path : trimmed;
    }
}
