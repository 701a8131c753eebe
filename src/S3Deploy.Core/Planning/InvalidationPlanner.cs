using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Planning;

/// <summary>The invalidation paths per distribution, decided with the object plan: read each distribution's origin, then pure code.</summary>
internal static class InvalidationPlanner
{
    /// <param name="index">The website index document, whose folder paths are invalidated with it.</param>
    public static async Task<IReadOnlyList<PlannedInvalidation>> PlanAsync(
        IReadOnlyList<PlannedAction> actions, S3Target target, CloudFrontSettings settings, string index, Func<CloudFrontClient> clients, Action<Diagnostic> warn, CancellationToken ct)
    {
        var keys = ChangedKeys(actions, target);
        if (settings.Distributions.Count == 0 || keys.Count == 0)
        {
            return [];
        }

        var client = clients();
        var planned = new List<PlannedInvalidation>();
        foreach (var distribution in settings.Distributions)
        {
            var config = await client.GetDistributionConfigAsync(distribution, ct);
            var (invalidation, warning) = For(distribution, config, keys, target, index, settings.MaxPaths);
            if (warning is not null)
            {
                warn(warning);
            }

            if (invalidation is not null)
            {
                planned.Add(invalidation);
            }
        }

        return planned;
    }

    /// <summary>Changed bytes or headers, and deletes; a new key was never cached, so it needs no invalidation.</summary>
    public static IReadOnlyList<string> ChangedKeys(IEnumerable<PlannedAction> actions, S3Target target) =>
        actions.Where(a => a.Reason != ActionReason.New).Select(a => target.KeyFor(a.RelativeKey)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The paths for one distribution, mapped through the origin that serves the bucket (or, with a warning, from the root).</summary>
    public static (PlannedInvalidation? Invalidation, Diagnostic? Warning) For(string distribution, DistributionConfig config, IReadOnlyList<string> keys, S3Target target, string index, int maxPaths)
    {
        var origin = config.OriginFor(target.Bucket);
        var warning = origin is null
            ? Diagnostic.Warning(DiagnosticCode.NoOriginForBucket, $"Distribution {distribution} has no origin for bucket '{target.Bucket}'; invalidating paths as if it served the bucket from its root.")
            : null;
        var paths = keys.Count == 0 ? [] : InvalidationPaths.For(keys, origin?.OriginPath ?? "", index, maxPaths);
        return (paths.Count == 0 ? null : new PlannedInvalidation(distribution, paths), warning);
    }
}
