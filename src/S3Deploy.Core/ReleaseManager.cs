using System.Diagnostics;
using Amazon.S3;
using S3Deploy.Core.Applying;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

using S3Deploy.Core.Releases;

namespace S3Deploy.Core;

/// <summary>
/// Lists a prefix's releases, and rolls it back (or forward) to one: the same plan, guards, phases and invalidations as a
/// deploy, with restores by server-side copy instead of uploads. A rollback is itself a release.
/// </summary>
public sealed class ReleaseManager(IDeployObserver? observer = null, Func<ConnectionOptions, IAmazonS3>? clients = null, HttpClient? http = null)
{
    private readonly IDeployObserver observer = observer ?? NullObserver.Instance;

    public async Task<IReadOnlyList<ReleaseSummary>> ListAsync(S3Target target, ConnectionOptions connection, CancellationToken ct = default)
    {
        using var s3 = (clients ?? S3ClientFactory.Create)(connection);
        var state = await new BucketReader(s3, target, [KeyRange.All]).ReadAsync(ct);
        var reader = new HistoryReader(s3, target);
        var ids = HistoryKeys.ReleaseIds(state);
        var list = new List<ReleaseSummary>();
        foreach (var id in ids)
        {
            var r = await reader.TryReadAsync(id, ct);
            list.Add(new ReleaseSummary(id, r?.Time, r?.Revision, r?.Message, r?.RolledBackTo, r?.Counts, list.Count == 0));
        }

        return list;
    }

    /// <param name="to">The release to return to; null: the one before the live one.</param>
    public async Task<DeployResult> RollbackAsync(DeployOptions options, string? to, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        using var s3 = (clients ?? S3ClientFactory.Create)(options.Connection);
        await using var held = options.DryRun || !(options.Lock || options.BreakLock) ? null : await PrefixLock.AcquireAsync(s3, options.Target, "rollback", options.BreakLock, now, ct);
        var state = await new BucketReader(s3, options.Target, [KeyRange.All]).ReadAsync(ct);
        var warnings = new WarningList(observer, [.. held?.Warnings ?? [], .. state.Warnings]);
        var ids = HistoryKeys.ReleaseIds(state);
        var id = to ?? (ids.Count >= 2 ? ids[1] : throw DeployException.Refused(
            DiagnosticCode.NoHistory,
            ids.Count == 0
                ? $"{options.Target} has no release history to roll back to: deploys record releases (--keep-releases, default {DeployOptions.DefaultKeepReleases}) from this version on."
                : $"{options.Target} has only one release ({ids[0]}), the live one; there is nothing before it to roll back to."));
        if (!ids.Contains(id, StringComparer.Ordinal))
        {
            throw DeployException.Usage(DiagnosticCode.NoSuchRelease, $"There is no release '{Headers.HeaderValues.Printable(id)}' under {options.Target}. 's3deploy releases {options.Target}' lists them{(ids.Count > 0 ? $" (newest: {ids[0]})" : "")}.");
        }

        var release = await new HistoryReader(s3, options.Target).TryReadAsync(id, ct)
            ?? throw DeployException.Refused(DiagnosticCode.HistoryIncomplete, $"Release record {HistoryKeys.Release(id)} could not be read as a release. Nothing was changed.");
        var store = HistoryKeys.StoreHashes(state);
        observer.Info($"Rolling {options.Target} back to release {id}{(release.Revision is { } rev ? $" ({rev})" : "")}");
        var plan = RollbackPlanner.Plan(release, state, store);
        await VersionCheck.EnsureAsync(s3, options.Target, id, plan, options.Concurrency, ct);
        var invalidations = await InvalidationPlanner.PlanAsync(
            plan.Actions, options.Target, options.CloudFront, options.Website?.Index ?? "index.html", () => CloudFrontClients.For(options.Connection, options.CloudFront, http), warnings.Add, ct);
        plan = plan with { Invalidations = invalidations };
        plan = plan with { History = await HistoryStep.PlanAsync(s3, options, plan, warnings.Add, now, ct, rolledBackTo: id) };
        SafetyGuards.CheckDeletes(plan, options);
        observer.Planned(plan);
        if (options.DryRun)
        {
            return DeployResult.Planned(plan, clock.Elapsed, warnings.Items);
        }

        var landed = await new PlanApplier(s3, options, observer, http).ApplyAsync(plan, warnings, ct);
        return new DeployResult(plan, DryRun: false, clock.Elapsed, warnings.Items)
        {
            Actions = landed.Completed,
            Invalidations = landed.Invalidations,
            HeldDeletes = landed.HeldDeletes,
        };
    }
}
