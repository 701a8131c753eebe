using S3Deploy.Core.Planning;

namespace S3Deploy.Core.Reporting;

public static class PhaseTitles
{
    public static string Of(Phase phase, int actions) => phase switch
    {
        Phase.Assets => "Uploading assets",
        Phase.EntryDocuments => "Uploading pages",
        _ => "Deleting stale objects",
    } + $" ({actions} {(actions == 1 ? "object" : "objects")})";

    public static string ActionLine(PlannedAction action) => $"{action.KindName} ({action.ReasonName}) {action.RelativeKey}";
}
