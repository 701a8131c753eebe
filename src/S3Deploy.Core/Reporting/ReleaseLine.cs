using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Reporting;

/// <summary>The line every adapter shows after a deploy that recorded a release: its id, and the command that undoes it.</summary>
public static class ReleaseLine
{
    public static string? For(DeployResult result, S3Target target)
    {
        var history = result.Plan.History;
        if (history.ReleaseId is not { } id)
        {
            return null;
        }

        var verb = result.DryRun ? "Would record release" : "Release";
        var back = history.Previous is { } previous ? $"; to return to the previous one: s3deploy rollback {target} --to {previous}" : "";
        var versions = history.Versioned ? " (version ids: the bucket keeps old versions)" : "";
        return $"{verb} {id}{versions}{back}";
    }
}
