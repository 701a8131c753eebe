using S3Deploy.Core;
using S3Deploy.Core.Planning;

namespace S3Deploy.Cli.Output;

internal static class Summary
{
    public static void Write(TextWriter log, DeployOptions options, DeployResult result)
    {
        if (result.DryRun)
        {
            foreach (var action in result.Actions)
            {
                log.WriteLine("  " + ActionLine(action));
            }
        }

        foreach (var invalidation in result.Invalidations)
        {
            var what = invalidation.Id is null ? "would invalidate" : $"invalidation {invalidation.Id} ({invalidation.Status}):";
            log.WriteLine($"CloudFront {invalidation.DistributionId}: {what} {string.Join(" ", invalidation.Paths)}");
        }

        if (result.KeptStale > 0)
        {
            log.WriteLine($"Kept {result.KeptStale} stale {(result.KeptStale == 1 ? "object" : "objects")} for now (--keep-stale or a pending invalidation); a later deploy deletes them.");
        }

        if (result.WebsiteUrl is { } url)
        {
            log.WriteLine($"Website: {url}");
        }

        var counts = Counts(result.Uploaded, result.HeadersUpdated, result.Deleted, result.Unchanged);
        var seconds = result.Duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        log.WriteLine(result.DryRun
            ? $"Plan for {options.Source} -> {options.Target} (nothing changed): would {counts}, {Bytes.Format(result.BytesUploaded)} to send."
            : result.ChangedNothing
                ? $"Up to date: {options.Target} already matches {options.Source} ({result.Unchanged} unchanged, nothing uploaded) in {seconds}s."
                : $"Deployed {options.Source} -> {options.Target}: {counts}, {Bytes.Format(result.BytesUploaded)} sent in {seconds}s.");
    }

    public static string Counts(int uploaded, int headersUpdated, int deleted, int unchanged) =>
        $"upload {uploaded}, update headers {headersUpdated}, delete {deleted}, unchanged {unchanged}";

    public static string ActionLine(PlannedAction action) => $"{$"{action.KindName} ({action.ReasonName})",-24} {action.RelativeKey}";

    public static string PhaseName(Phase phase) => phase switch
    {
        Phase.Assets => "Uploading assets",
        Phase.EntryDocuments => "Uploading pages",
        _ => "Deleting stale objects",
    };
}
