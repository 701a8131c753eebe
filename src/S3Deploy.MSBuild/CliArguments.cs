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
        args.AppendFileNameIfNotNull(task.Target());
        args.AppendSwitch("--json");
        Value(args, "--config", task.Config);
        Value(args, "--region", task.Region);
        Value(args, "--profile", task.Profile);
        Value(args, "--endpoint-url", task.EndpointUrl);
        Flag(args, "--no-delete", !task.Delete);
        Value(args, "--max-deletes", task.MaxDeletes);
        Flag(args, "--allow-empty", task.AllowEmpty);
        foreach (var glob in task.Exclude)
        {
            Value(args, "--exclude", glob);
        }

        Value(args, "--concurrency", task.Concurrency);
        Flag(args, "--dry-run", task.DryRun);
        Flag(args, "--follow-symlinks", task.FollowSymlinks);
        Value(args, "--cache-control", task.CacheControl);
        Value(args, "--precompressed", task.Precompressed);
        Value(args, "--sse", task.Sse);
        Value(args, "--sse-kms-key-id", task.SseKmsKeyId);
        Value(args, "--storage-class", task.StorageClass);
        Flag(args, "--website", task.Website);
        Value(args, "--index-document", task.IndexDocument);
        Value(args, "--error-document", task.ErrorDocument);
        Flag(args, "--spa", task.Spa);
        Flag(args, "--public", task.Public);
        Value(args, "--keep-stale", task.KeepStale);
        foreach (var distribution in task.CloudFront)
        {
            Value(args, "--cloudfront", distribution);
        }

        Value(args, "--cloudfront-endpoint-url", task.CloudFrontEndpointUrl);
        Flag(args, "--no-wait", !task.Wait);
        Value(args, "--wait-timeout", task.WaitTimeout);
        Value(args, "--max-invalidation-paths", task.MaxInvalidationPaths);
        Flag(args, "--diagnostics", task.Diagnostics);
        return args.ToString();
    }

    /// <summary>Without its trailing separator, which would escape the closing quote on Windows.</summary>
    private static string Folder(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        return trimmed.Length == 0 || trimmed.EndsWith(":", System.StringComparison.Ordinal) ? path : trimmed;
    }

    private static void Flag(CommandLineBuilder args, string name, bool on)
    {
        if (on)
        {
            args.AppendSwitch(name);
        }
    }

    private static void Value(CommandLineBuilder args, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            args.AppendSwitchIfNotNull(name + " ", value!.Trim());
        }
    }
}
