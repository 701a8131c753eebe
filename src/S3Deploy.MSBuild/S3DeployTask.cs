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
/// Runs the bundled s3deploy CLI out of process (so the AWS SDK never loads into MSBuild) and turns its --json result
/// into MSBuild errors, warnings, messages and outputs, in the CLI's own words. Credentials reach it only through the environment.
/// </summary>
public sealed partial class S3DeployTask : ToolTask
{
    private const string DotnetNotFound = "S3D060";
    private const string Unexpected = "S3D099";
    private readonly List<string> lines = [];
    private string? dotnetPath;
    private DeployResult? result;
    private Process? child;

    protected override string ToolName => DotnetLocator.ExecutableName;
    protected override Encoding StandardOutputEncoding => Encoding.UTF8;
    protected override Encoding StandardErrorEncoding => Encoding.UTF8;

    public override bool Execute()
    {
        dotnetPath = DotnetLocator.Find(DotnetHostPath, NetCoreRoot);
        if (dotnetPath is null)
        {
            return Error(DotnetNotFound, "S3Deploy needs the 'dotnet' host (.NET 10 or later) to run, and found it neither in DOTNET_HOST_PATH, nor in $(NetCoreRoot), nor on PATH. Install the .NET SDK, or build with 'dotnet publish'.");
        }

        if (!File.Exists(CliPath))
        {
            return Error(Unexpected, $"The s3deploy tool is missing at '{CliPath}'; the S3Deploy.MSBuild package looks incomplete (restore it again).");
        }

        return base.Execute() && !Log.HasLoggedErrors && (result is null ? Error(Unexpected, "s3deploy succeeded but printed no result (please report it).") : Report(result));
    }

    /// <summary>SIGTERM first, so s3deploy can abort its uploads and record what landed; ToolTask's kill only if it does not end.</summary>
    public override void Cancel() => ChildCancel.Stop(child, base.Cancel);

    protected override string GenerateFullPathToTool() => dotnetPath ?? ToolName;
    protected override string GenerateCommandLineCommands() => CliArguments.Build(this);
    protected override string? GetWorkingDirectory() => string.IsNullOrEmpty(ProjectDirectory) ? null : ProjectDirectory;
    protected override void LogToolCommand(string message) => Log.LogMessage(MessageImportance.Low, message);
    protected override Process StartToolProcess(Process proc) => child = base.StartToolProcess(proc);

    /// <summary>
    /// The build's logger reports the deploy on a CI agent; the CLI's own CI dialect would annotate each warning a second time
    /// and write step outputs and summaries the workflow did not ask this build for.
    /// </summary>
    protected override ProcessStartInfo GetProcessStartInfo(string pathToTool, string commandLineCommands, string responseFileSwitch)
    {
        var start = ChildCancel.Announce(base.GetProcessStartInfo(pathToTool, commandLineCommands, responseFileSwitch));
        start.EnvironmentVariables.Remove("GITHUB_ACTIONS");
        start.EnvironmentVariables.Remove("TF_BUILD");
        return start;
    }

    /// <summary>The result carries the warnings and the error typed, so the stderr lines that say them too are detail (-v:d).</summary>
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (singleLine.StartsWith("{", StringComparison.Ordinal) && DeployResultReader.Read(singleLine) is { } read)
        {
            result = read;
            read.Warnings.ForEach(w => Log.LogWarning(null, w.Code, null, null, 0, 0, 0, 0, w.Message));
            return;
        }

        lines.Add(singleLine);
        var coded = singleLine.StartsWith("error ", StringComparison.Ordinal) || singleLine.StartsWith("warning ", StringComparison.Ordinal);
        Log.LogMessage(coded ? MessageImportance.Low : MessageImportance.Normal, singleLine);
    }

    /// <summary>The error of the --json result; without one (s3deploy crashed), its 'error S3D0xx: …' lines, as MSBuild reads them.</summary>
    protected override bool HandleTaskExecutionErrors()
    {
        if (result?.Error is { } error)
        {
            Error(error.Code, CliArguments.InPropertyWords(error.Message, error.Option));
        }
        else
        {
            lines.Where(line => line.StartsWith("error ", StringComparison.Ordinal)).ToList().ForEach(line => Log.LogMessageFromText(line, MessageImportance.High));
        }

        if (!Log.HasLoggedErrors)
        {
            Error(Unexpected, $"s3deploy exited with code {ExitCode} without saying why (set S3DeployDiagnostics=true for details, and please report it).");
        }

        return false;
    }

    private bool Report(DeployResult deployed)
    {
        (Uploaded, HeadersUpdated, Deleted, Unchanged, BytesUploaded) = (deployed.Uploaded, deployed.HeadersUpdated, deployed.Deleted, deployed.Unchanged, deployed.BytesUploaded);
        WebsiteUrl = deployed.WebsiteUrl;
        InvalidationIds = [.. deployed.Invalidations.Select(i => i.Id).OfType<string>()];

        // A dry run's changes are its whole point, so they show at -v:n; a deploy's are detail (-v:d).
        deployed.Actions.ForEach(action => Log.LogMessage(deployed.DryRun ? MessageImportance.Normal : MessageImportance.Low, "  " + action));
        deployed.Invalidations.ForEach(invalidation => Log.LogMessage(MessageImportance.Normal, "S3Deploy: " + invalidation));
        if (deployed.WebsiteUrl is { } url)
        {
            Log.LogMessage(MessageImportance.Normal, $"S3Deploy: Website: {url}");
        }

        // High: the one line a default-verbosity 'dotnet publish' shows of the deploy, as the CLI prints it.
        Log.LogMessage(MessageImportance.High, "S3Deploy: " + deployed.Summary);
        return !Log.HasLoggedErrors;
    }

    private bool Error(string? code, string message)
    {
        Log.LogError(null, code, null, null, 0, 0, 0, 0, message);
        return false;
    }
}
