using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;
using S3Deploy.Core.Text;

namespace S3Deploy.Core;

/// <summary>Refusals that happen before anything in the bucket changes.</summary>
internal static class SafetyGuards
{
    /// <summary>Runs on the listed keys, before the bucket is contacted.</summary>
    public static void CheckSource(IReadOnlyList<string> keys, DeployOptions options)
    {
        // The manifest and the redirects are objects too: a prefix that leaves no room for the manifest's key would upload
        // everything and then fail on every run.
        var written = keys.Concat(options.Redirects.Keys.Select(DesiredSite.RedirectKey)).Append(DeployManifest.RelativeKey);
        if (written.FirstOrDefault(k => !KeyNames.FitsS3(options.Target.KeyFor(k))) is { } tooLong)
        {
            throw DeployException.Usage(DiagnosticCode.BadOption, $"'{tooLong}' under the prefix makes a key longer than S3's {KeyNames.MaxKeyBytes}-byte limit. Shorten the path or the prefix.");
        }

        if (keys.Count == 0 && options.Delete && !options.AllowEmpty)
        {
            throw DeployException.Refused(
                DiagnosticCode.EmptySource,
                $"Source '{options.Source}' has no files to deploy, so every object under {options.Target} would be deleted. If that is what you want, pass --allow-empty; to upload without deleting, pass --no-delete.");
        }
    }

    public static void CheckDeletes(DeployPlan plan, DeployOptions options)
    {
        var deletes = plan.Count(ActionKind.Delete);
        if (deletes > options.MaxDeletes)
        {
            throw DeployException.Refused(
                DiagnosticCode.TooManyDeletes,
                $"This deploy would delete {Plural.Of(deletes, "object")} under {options.Target}, more than --max-deletes {options.MaxDeletes}. Nothing was changed. Check the source folder and prefix; if the deletes are right, pass --max-deletes {deletes} (or --no-delete to keep them).");
        }
    }
}
