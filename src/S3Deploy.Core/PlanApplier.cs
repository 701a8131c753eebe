using Amazon.S3;
using S3Deploy.Core.Applying;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Text;
using S3Deploy.Core.Website;

namespace S3Deploy.Core;

/// <summary>
/// Executes a plan in order: assets, entry documents, website and access, invalidations (and the wait), deletes, manifest.
/// Nothing is decided here that the plan did not already say.
/// </summary>
internal sealed class PlanApplier(IAmazonS3 s3, DeployOptions options, IDeployObserver observer, HttpClient? http)
{
    private readonly ManifestWriter manifests = new(s3, options.Target, observer);
    private readonly Releases.HistoryWriter history = new(s3, options.Target, options.Concurrency, observer, options.MaxCopySize);

    public async Task<Landed> ApplyAsync(DeployPlan plan, WarningList warnings, CancellationToken ct)
    {
        var plainBodies = S3ClientFactory.UsesCustomEndpoint(options.Connection);
        var writer = new ObjectWriter(s3, options.Target, plainBodies, options.MultipartThreshold, options.PartSize, options.Concurrency, observer, options.MaxCopySize);
        var executor = new PlanExecutor(s3, options.Target, writer, options.Concurrency, observer);
        var outcome = new ApplyOutcome();
        IReadOnlyList<InvalidationResult> invalidations;
        var held = 0;
        await history.PreserveAsync(plan.History, ct);
        try
        {
            await executor.WriteAsync(plan, outcome, ct);
            await SiteHosting.ApplyAsync(s3, options.Target, plan.Website, plan.Access, observer.Info, ct);
            await Edge.HostingStep.ApplyAsync(plan.Hosting, options.Website?.Error, options.Website?.Spa == true ? options.Website.Index : null, () => CloudFrontClients.For(options.Connection, options.CloudFront, http), observer.Info, ct);
            (invalidations, var cachesReleased) = await new InvalidationStep(options.CloudFront, () => CloudFrontClients.For(options.Connection, options.CloudFront, http), observer).RunAsync(plan.Invalidations, warnings, ct);
            if (cachesReleased)
            {
                await executor.DeleteAsync(plan, outcome, ct);
            }
            else if (plan.Count(ActionKind.Delete) is > 0 and var deletes)
            {
                held = deletes;
                warnings.Add(Diagnostic.Warning(DiagnosticCode.StaleHeld, $"Kept {Plural.Of(held, "stale object")} because the CloudFront invalidation has not completed; the next deploy deletes them."));
            }
        }
        catch (Exception e) when (!outcome.Completed.IsEmpty || ct.IsCancellationRequested)
        {
            // Record what did land, so the rerun trusts it without a HEAD each; the original failure (or the cancellation) still surfaces.
            if (!outcome.Completed.IsEmpty)
            {
                await manifests.TryWriteAsync(plan, outcome);
            }

            if (ct.IsCancellationRequested)
            {
                throw Cancelled(plan, outcome, e);
            }

            throw;
        }

        var manifest = ManifestBuilder.Build(plan, outcome.Written, outcome.Deleted);
        if (!plan.Before.ManifestFound || !manifest.SameAs(plan.Before.Manifest))
        {
            try
            {
                await manifests.WriteAsync(manifest with { Release = plan.History.ReleaseId }, ct);
            }
            catch (OperationCanceledException e) when (ct.IsCancellationRequested)
            {
                // Everything else is done (deletes included): finish the record with a fresh timeout, and say what happened.
                await manifests.TryWriteAsync(plan, outcome, plan.History.ReleaseId);
                throw Cancelled(plan, outcome, e);
            }
        }

        await history.RecordAsync(plan, manifest, outcome.Written, warnings.Add, ct);
        var completed = outcome.Completed.ToHashSet();
        return new Landed([.. plan.Actions.Where(completed.Contains)], invalidations, held);
    }

    /// <summary>Whatever the cancellation interrupted (a request, a part, a wait), the report is the same: what landed, what was deleted.</summary>
    private static DeployException Cancelled(DeployPlan plan, ApplyOutcome outcome, Exception interrupted)
    {
        var written = outcome.Completed.Count(a => a.Kind != ActionKind.Delete);
        var landed = written == 0 ? "nothing was written" : $"{written} of {plan.Actions.Count(a => a.Kind != ActionKind.Delete)} files were written";
        var deleted = outcome.Deleted.Count == 0 ? "nothing was deleted" : $"{outcome.Deleted.Count} of {plan.Count(ActionKind.Delete)} stale objects were deleted";
        return new DeployException(DiagnosticCode.Cancelled, FailureKind.Cancelled, $"Cancelled: {landed}, {deleted}. Run the same command again to finish the deploy.", interrupted);
    }
}
