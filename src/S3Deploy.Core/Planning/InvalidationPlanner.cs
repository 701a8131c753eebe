using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Planning;

/// <summary>The invalidation paths per distribution, decided with the object plan: read each distribution's origin, then pure code.</summary>
internal static class InvalidationPlanner
{
    public static async Task<IReadOnlyList<PlannedInvalidation>> PlanAsync(IReadOnlyList<PlannedAction> actions, DeployOptions options, HttpClient? http, Action<Diagnostic> warn, CancellationToken ct)
    {
        var settings = options.CloudFront;
        var keys = ChangedKeys(actions, options.Target);
        if (settings.Distributions.Count == 0 || keys.Count == 0)
        {
            return [];
        }

        var client = CloudFrontClients.For(options, http);
        var index = options.Website?.Index ?? "index.html";
        var planned = new List<PlannedInvalidation>();
        foreach (var distribution in settings.Distributions)
        {
            var config = await client.GetDistributionConfigAsync(distribution, ct);
            var (invalidation, warning) = For(distribution, config, keys, options.Target, index, settings.MaxPaths);
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
        var origin = config.Origins.FirstOrDefault(o => o.DomainName.StartsWith(target.Bucket + ".s3", StringComparison.OrdinalIgnoreCase));
        var warning = origin is null
            ? Diagnostic.Warning(DiagnosticCode.NoOriginForBucket, $"Distribution {distribution} has no origin for bucket '{target.Bucket}'; invalidating paths as if it served the bucket from its root.")
            : null;
        var paths = keys.Count == 0 ? [] : InvalidationPaths.For(keys, origin?.OriginPath ?? "", index, maxPaths);
        return (paths.Count == 0 ? null : new PlannedInvalidation(distribution, paths), warning);
    }
}
