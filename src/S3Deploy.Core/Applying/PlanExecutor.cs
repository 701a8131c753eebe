using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Text;

namespace S3Deploy.Core.Applying;

/// <summary>
/// Applies a plan in phases: assets, then entry documents, then (called separately, once caches have let go) deletes.
/// A phase starts only when the one before it succeeded completely, so a failure never leaves pages pointing at
/// missing files and never deletes anything.
/// </summary>
internal sealed class PlanExecutor(IAmazonS3 s3, S3Target target, ObjectWriter writer, int concurrency, IDeployObserver observer)
{
    private const int DeleteBatch = 1000;

    public async Task WriteAsync(DeployPlan plan, ApplyOutcome outcome, CancellationToken ct)
    {
        await WritePhaseAsync(plan, Phase.Assets, outcome, ct);
        await WritePhaseAsync(plan, Phase.EntryDocuments, outcome, ct);
    }

    private async Task WritePhaseAsync(DeployPlan plan, Phase phase, ApplyOutcome outcome, CancellationToken ct)
    {
        var actions = plan.InPhase(phase).OrderByDescending(a => a.BytesToSend).ToList();
        if (actions.Count == 0)
        {
            return;
        }

        observer.PhaseStarted(phase, actions.Count, actions.Sum(a => a.BytesToSend));
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(actions, options, async (action, token) =>
        {
            try
            {
                outcome.Written[action.RelativeKey] = await writer.ApplyAsync(action, token);
                outcome.Completed.Add(action);
                observer.ActionCompleted(action);
            }
            catch (DeployException e)
            {
                // Keep going within the phase: every file that does land is one less to send on the rerun.
                outcome.Failures.Enqueue(e);
                observer.Warning(Diagnostic.Warning(e.Code, e.Message));
            }
        });

        if (!outcome.Failures.IsEmpty)
        {
            var first = (DeployException)outcome.Failures.First();
            var count = outcome.Failures.Count;
            var message = count == 1
                ? $"{first.Message} Nothing was deleted; run again to finish."
                : $"{Plural.Of(count, "file")} failed to upload; the first: {first.Message} Nothing was deleted; run again to finish.";
            throw new DeployException(first.Code, FailureKind.Service, message, first);
        }
    }

    public async Task DeleteAsync(DeployPlan plan, ApplyOutcome outcome, CancellationToken ct)
    {
        var deletes = plan.InPhase(Phase.Deletes).ToList();
        if (deletes.Count == 0)
        {
            return;
        }

        observer.PhaseStarted(Phase.Deletes, deletes.Count, 0);
        foreach (var batch in deletes.Chunk(DeleteBatch))
        {
            ct.ThrowIfCancellationRequested();
            var request = new DeleteObjectsRequest
            {
                BucketName = target.Bucket,
                Quiet = true,
                Objects = batch.Select(a => new KeyVersion { Key = target.KeyFor(a.RelativeKey) }).ToList(),
            };
            var response = await S3Errors.Call(() => s3.DeleteObjectsAsync(request, ct), target.Bucket, "s3:DeleteObject", "delete stale objects");
            var failed = (response.DeleteErrors ?? []).ToDictionary(e => e.Key, e => e, StringComparer.Ordinal);
            foreach (var action in batch)
            {
                if (failed.ContainsKey(target.KeyFor(action.RelativeKey)))
                {
                    continue;
                }

                outcome.Deleted.Add(action.RelativeKey);
                outcome.Completed.Add(action);
                observer.ActionCompleted(action);
            }

            if (failed.Count > 0)
            {
                var error = failed.Values.First();
                var code = error.Code == "AccessDenied" ? DiagnosticCode.AccessDenied : DiagnosticCode.ServiceError;
                var hint = error.Code == "AccessDenied" ? " The identity in use needs the s3:DeleteObject permission." : " Run again to finish.";
                throw new DeployException(code, FailureKind.Service, $"{Plural.Of(failed.Count, "stale object")} could not be deleted; the first, '{error.Key}': {error.Code} {error.Message}.{hint}");
            }
        }
    }
}
