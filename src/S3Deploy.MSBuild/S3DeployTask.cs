using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace S3Deploy.MSBuild;

/// <summary>
/// Runs the bundled s3deploy CLI out of process (so the AWS SDK never loads into MSBuild) and turns its diagnostics and
/// its --json result into MSBuild errors, warnings, messages and outputs. Credentials reach it only through the environment.
/// </summary>
public sealed class S3DeployTask : ToolTask
{
    private readonly List<OutputLine> errors = [];
    private string? dotnetPath;
    private string? resultJson;
    private Process? child;

    [Required]
    public string CliPath { get; set; } = "";

    [Required]
    public string Source { get; set; } = "";

    [Required]
    public string Bucket { get; set; } = "";

    public string? DotnetHostPath { get; set; }

    public string? NetCoreRoot { get; set; }

    public string? ProjectDirectory { get; set; }

    public string? Prefix { get; set; }

    public string? Region { get; set; }

    public string? Profile { get; set; }

    public string? EndpointUrl { get; set; }

    public bool Delete { get; set; } = true;

    public string? MaxDeletes { get; set; }

    public bool AllowEmpty { get; set; }

    public string[] Exclude { get; set; } = [];

    public string? Config { get; set; }

    public bool DryRun { get; set; }

    public string? Concurrency { get; set; }

    public bool FollowSymlinks { get; set; }

    public string? CacheControl { get; set; }

    public string? Precompressed { get; set; }

    public string? Sse { get; set; }

    public string? SseKmsKeyId { get; set; }

    public string? StorageClass { get; set; }

    public bool Website { get; set; }

    public string? IndexDocument { get; set; }

    public string? ErrorDocument { get; set; }

    public bool Spa { get; set; }

    public bool Public { get; set; }

    public string? KeepStale { get; set; }

    public string[] CloudFront { get; set; } = [];

    public string? CloudFrontEndpointUrl { get; set; }

    public bool Wait { get; set; } = true;

    public string? WaitTimeout { get; set; }

    public string? MaxInvalidationPaths { get; set; }

    public bool Diagnostics { get; set; }

    [Output]
    public int Uploaded { get; private set; }

    [Output]
    public int HeadersUpdated { get; private set; }

    [Output]
    public int Deleted { get; private set; }

    [Output]
    public int Unchanged { get; private set; }

    [Output]
    public long BytesUploaded { get; private set; }

    [Output]
    public string? WebsiteUrl { get; private set; }

    [Output]
    public string[] InvalidationIds { get; private set; } = [];

    protected override string ToolName => DotnetLocator.ExecutableName;

    protected override Encoding StandardOutputEncoding => Encoding.UTF8;

    protected override Encoding StandardErrorEncoding => Encoding.UTF8;

    public override bool Execute()
    {
        dotnetPath = DotnetLocator.Find(DotnetHostPath, NetCoreRoot);
        if (dotnetPath is null)
        {
            Log.LogError(null, Codes.DotnetNotFound, null, null, 0, 0, 0, 0,
                "S3Deploy needs the 'dotnet' host (.NET 10 or later) to run, and found it neither in DOTNET_HOST_PATH, nor in $(NetCoreRoot), nor on PATH. Install the .NET SDK, or build with 'dotnet publish'.");
            return false;
        }

        if (!File.Exists(CliPath))
        {
            Log.LogError(null, Codes.Unexpected, null, null, 0, 0, 0, 0, $"The s3deploy tool is missing at '{CliPath}'; the S3Deploy.MSBuild package looks incomplete (restore it again).");
            return false;
        }

        if (!base.Execute() || Log.HasLoggedErrors)
        {
            return false;
        }

        return Report();
    }

    protected override string GenerateFullPathToTool() => dotnetPath ?? ToolName;

    protected override string GenerateCommandLineCommands() => CliArguments.Build(this);

    protected override string? GetWorkingDirectory() => string.IsNullOrEmpty(ProjectDirectory) ? null : ProjectDirectory;

    protected override void LogToolCommand(string message) => Log.LogMessage(MessageImportance.Low, message);

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (singleLine.StartsWith("{", StringComparison.Ordinal))
        {
            resultJson = singleLine;
            return;
        }

        var line = OutputLine.Parse(singleLine);
        switch (line.Kind)
        {
            case OutputLineKind.Error:
                // The --json result carries the error too; these lines are the fallback when it is missing.
                errors.Add(line);
                break;
            case OutputLineKind.Warning:
                Log.LogWarning(null, line.Code, null, null, 0, 0, 0, 0, line.Message);
                break;
            default:
                Log.LogMessage(MessageImportance.Normal, line.Message);
                break;
        }
    }

    protected override ProcessStartInfo GetProcessStartInfo(string pathToTool, string commandLineCommands, string responseFileSwitch)
    {
        var start = base.GetProcessStartInfo(pathToTool, commandLineCommands, responseFileSwitch);
        if (ChildCancel.Supported)
        {
            start.EnvironmentVariables[ChildCancel.Variable] = "1";
        }

        return start;
    }

    protected override Process StartToolProcess(Process proc)
    {
        child = base.StartToolProcess(proc);
        return child;
    }

    /// <summary>SIGTERM first, so s3deploy can abort its uploads and record what landed; ToolTask's kill only if it does not end.</summary>
    public override void Cancel()
    {
        if (child is { } running && ChildCancel.Supported && ChildCancel.Signal(running))
        {
            System.Threading.Tasks.Task.Run(() =>
            {
                if (!ChildCancel.WaitForCleanup(running))
                {
                    base.Cancel();
                }
            });
            return;
        }

        base.Cancel();
    }

    protected override bool HandleTaskExecutionErrors()
    {
        if (resultJson is not null && DeployResultReader.Read(resultJson)?.Error is { } error)
        {
            Log.LogError(null, error.Code, null, null, 0, 0, 0, 0, error.Message);
        }
        else
        {
            errors.ForEach(e => Log.LogError(null, e.Code, null, null, 0, 0, 0, 0, e.Message));
        }

        if (!Log.HasLoggedErrors)
        {
            Log.LogError(null, Codes.Unexpected, null, null, 0, 0, 0, 0, $"s3deploy exited with code {ExitCode} without saying why (set S3DeployDiagnostics=true for details, and please report it).");
        }

        return false;
    }

    private bool Report()
    {
        var result = resultJson is null ? null : DeployResultReader.Read(resultJson);
        if (result is null)
        {
            Log.LogError(null, Codes.Unexpected, null, null, 0, 0, 0, 0, "s3deploy succeeded but printed no result (please report it).");
            return false;
        }

        Uploaded = result.Uploaded;
        HeadersUpdated = result.HeadersUpdated;
        Deleted = result.Deleted;
        Unchanged = result.Unchanged;
        BytesUploaded = result.BytesUploaded;
        WebsiteUrl = result.WebsiteUrl;
        InvalidationIds = [.. result.Invalidations.Select(i => i.Id)];

        // A dry run's changes are its whole point, so they show at -v:n; a deploy's are detail (-v:d).
        var actions = result.DryRun ? MessageImportance.Normal : MessageImportance.Low;
        foreach (var action in result.Actions)
        {
            Log.LogMessage(actions, action.Redirect is null ? $"  {action.Action} ({action.Reason}) {action.Key}" : $"  redirect ({action.Reason}) {action.Key} → {action.Redirect}");
        }

        // High: the one line a default-verbosity 'dotnet publish' shows of the deploy.
        Log.LogMessage(MessageImportance.High, Summary.Line(Target(), result));
        foreach (var invalidation in result.Invalidations)
        {
            Log.LogMessage(MessageImportance.Normal, $"S3Deploy: CloudFront {invalidation.DistributionId}: invalidation {invalidation.Id} {invalidation.Status} ({invalidation.Paths.Count} {(invalidation.Paths.Count == 1 ? "path" : "paths")})");
        }

        if (result.WebsiteUrl is not null)
        {
            Log.LogMessage(MessageImportance.Normal, $"S3Deploy: website {result.WebsiteUrl}");
        }

        return !Log.HasLoggedErrors;
    }

    internal string Target() => string.IsNullOrEmpty(Prefix) ? $"s3://{Bucket}" : $"s3://{Bucket}/{Prefix!.Trim('/')}";
}
