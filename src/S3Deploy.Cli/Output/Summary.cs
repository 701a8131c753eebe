using S3Deploy.Core;
using S3Deploy.Core.Reporting;
using S3Deploy.Core.Text;

namespace S3Deploy.Cli.Output;

internal static class Summary
{
    public static void Write(TextWriter log, DeployOptions options, DeployResult result)
    {
        if (result.DryRun)
        {
            foreach (var action in result.Actions)
            {
                log.WriteLine("  " + PhaseTitles.ActionLine(action));
            }

            foreach (var line in PlanLines.Settings(result.Plan, options.Target.ToString()))
            {
                log.WriteLine("  " + line);
            }
        }

        foreach (var invalidation in result.Invalidations)
        {
            var what = invalidation.Id is null ? "would invalidate" : $"invalidation {invalidation.Id} ({invalidation.Status}):";
            log.WriteLine($"CloudFront {invalidation.DistributionId}: {what} {string.Join(" ", invalidation.Paths)}");
        }

        if (result.KeptStale > 0)
        {
            log.WriteLine($"Kept {Plural.Of(result.KeptStale, "stale object")} for now (--keep-stale or a pending invalidation); a later deploy deletes them.");
        }

        if (result.WebsiteUrl is { } url)
        {
            log.WriteLine($"Website: {url}");
        }

        if (result.PreviewUrl is { } preview)
        {
            log.WriteLine($"Preview: {preview}");
        }

        if (ReleaseLine.For(result, options.Target) is { } release)
        {
            log.WriteLine(release);
        }

        log.WriteLine(SummaryLine.Result(result, options.Source, options.Target, options.TargetName));
    }
}
