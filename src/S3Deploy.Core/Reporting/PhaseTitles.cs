using S3Deploy.Core.Planning;
using S3Deploy.Core.Text;

namespace S3Deploy.Core.Reporting;

/// <summary>The words every adapter's log uses for phases and actions, so a CLI log, a build log and a CI log read alike.</summary>
internal static class PhaseTitles
{
    public static string Name(Phase phase) => phase switch
    {
        Phase.Assets => "Uploading assets",
        Phase.EntryDocuments => "Uploading pages",
        _ => "Deleting stale objects",
    };

    public static string Of(Phase phase, int actions) => $"{Name(phase)} ({Plural.Of(actions, "object")})";

    /// <summary>"upload (new)   app.js"; a configured redirect reads as one: "redirect (new)   docs/start.html → /docs/".</summary>
    public static string ActionLine(PlannedAction action) => action.RedirectLocation is { } location
        ? $"{(action.Reason == ActionReason.New ? "redirect (new)" : "redirect (changed)"),-24} {action.RelativeKey} → {location}"
        : $"{$"{action.KindName} ({action.ReasonName})",-24} {action.RelativeKey}";
}
