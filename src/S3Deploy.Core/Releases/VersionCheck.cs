using System.Collections.Concurrent;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Releases;

/// <summary>
/// Before a rollback changes anything, a HEAD of each version it restores from: a lifecycle rule may have expired
/// noncurrent versions since the release was recorded, and a rollback that found out halfway would leave a mix.
/// </summary>
internal static class VersionCheck
{
    public static async Task EnsureAsync(IAmazonS3 s3, S3Target target, string releaseId, DeployPlan plan, int concurrency, CancellationToken ct)
    {
        var restores = plan.Actions.Where(a => a.RestoreVersionId is not null).ToList();
        var gone = new ConcurrentBag<PlannedAction>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(restores, options, async (action, token) =>
        {
            var request = new GetObjectMetadataRequest { BucketName = target.Bucket, Key = target.KeyFor(action.RestoreFrom!), VersionId = action.RestoreVersionId };
            try
            {
                await S3Errors.Call(() => s3.GetObjectMetadataAsync(request, token), target.Bucket, "s3:GetObjectVersion", $"check the version of '{action.RestoreFrom}' release {releaseId} recorded");
            }
            catch (DeployException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
            {
                gone.Add(action);
            }
        });

        if (gone.OrderBy(a => a.RelativeKey, StringComparer.Ordinal).FirstOrDefault() is { } first)
        {
            throw DeployException.Refused(DiagnosticCode.ReleaseBytesGone, $"Release {releaseId} needs object versions that are no longer in the bucket ({gone.Count} key(s), the first '{Headers.HeaderValues.Printable(first.RelativeKey)}' version {Headers.HeaderValues.Printable(first.RestoreVersionId!)}), so it cannot be restored exactly; a lifecycle rule that expires noncurrent versions removes them. Nothing was changed.");
        }
    }
}
