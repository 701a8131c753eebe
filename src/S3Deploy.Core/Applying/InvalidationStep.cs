using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Text;

namespace S3Deploy.Core.Applying;

/// <summary>
/// Invalidates what changed on every configured distribution, then waits, so that stale objects are only deleted once
/// no edge can serve old pages that still point at them.
/// </summary>
internal sealed class InvalidationStep(CloudFrontSettings settings, Func<CloudFrontClient> clients, IDeployObserver observer)
{
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(20);

    /// <returns>The invalidations made, and whether every one completed (or no waiting was asked for), so deletes may go ahead.</returns>
    public async Task<(IReadOnlyList<InvalidationResult> Invalidations, bool CachesReleased)> RunAsync(IReadOnlyList<PlannedInvalidation> planned, WarningList warnings, CancellationToken ct)
    {
        if (planned.Count == 0)
        {
            return ([], true);
        }

        var client = clients();

        // One reference per deploy and distribution: the client resends it on retries (no second invalidation), and the
        // next deploy gets a new one (a file changed back is invalidated again).
        var deployId = Guid.NewGuid().ToString("N");
        var made = new List<(string Distribution, Invalidation Invalidation)>();
        foreach (var (distribution, paths) in planned)
        {
            var invalidation = await client.CreateInvalidationAsync(distribution, paths, $"s3deploy-{deployId}-{distribution}", ct);
            observer.Info($"Invalidation {invalidation.Id} on distribution {distribution}: {paths.Count} {(paths.Count == 1 ? "path" : "paths")} ({string.Join(", ", paths.Take(5))}{(paths.Count > 5 ? ", …" : "")})");
            made.Add((distribution, invalidation));
        }

        var released = !settings.Wait || await WaitAsync(client, made, warnings, ct);
        var results = made.Select(m => new InvalidationResult(m.Distribution, m.Invalidation.Id, m.Invalidation.Paths, m.Invalidation.Status)).ToList();
        return (results, released);
    }

    private async Task<bool> WaitAsync(CloudFrontClient client, List<(string Distribution, Invalidation Invalidation)> made, WarningList warnings, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var delay = settings.PollInterval;
        for (var i = 0; i < made.Count;)
        {
            var (distribution, invalidation) = made[i];
            if (invalidation.IsCompleted)
            {
                observer.Info($"Invalidation {invalidation.Id} on {distribution} completed after {Durations.Format(DateTimeOffset.UtcNow - started)}.");
                i++;
                continue;
            }

            var waited = DateTimeOffset.UtcNow - started;
            if (waited >= settings.WaitTimeout)
            {
                var message = $"Invalidation {invalidation.Id} on {distribution} did not complete within {Durations.Format(settings.WaitTimeout)}.";
                if (settings.FailOnTimeout)
                {
                    throw new DeployException(CloudFrontCodes.ServiceError, FailureKind.Service, message + " Stale objects were kept; run again later.");
                }

                warnings.Add(Diagnostic.Warning(DiagnosticCode.InvalidationTimedOut, $"{message} Stale objects are kept until a later deploy."));
                return false;
            }

            observer.Info($"Waiting for invalidation {invalidation.Id} on {distribution}: {invalidation.Status} ({Durations.Format(waited)})");
            await Task.Delay(Min(delay, settings.WaitTimeout - waited), ct);
            delay = Min(delay * 2, MaxPollInterval);
            made[i] = (distribution, await client.GetInvalidationAsync(distribution, invalidation.Id, ct));
        }

        return true;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
