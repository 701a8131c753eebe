using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;

namespace S3Deploy.Tests;

/// <summary>Results for output tests: a dry run's, or a deploy's in which the whole plan landed.</summary>
internal static class DeployResultFromPlan
{
    extension(DeployResult)
    {
        public static DeployResult FromPlan(DeployPlan plan, bool dryRun, TimeSpan duration, IReadOnlyList<Diagnostic> warnings) =>
            dryRun ? DeployResult.Planned(plan, duration, warnings) : new(plan, DryRun: false, duration, warnings);
    }
}
