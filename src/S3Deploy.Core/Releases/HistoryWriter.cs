using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Releases;

/// <summary>
/// Carries out a plan's history: keeps old bytes (server-side copies into the store, before any write), then, once
/// everything else landed, writes the release record and prunes what no kept release refers to.
/// </summary>
internal sealed class HistoryWriter(IAmazonS3 s3, S3Target target, int concurrency, IDeployObserver observer, long maxCopySize = MultipartCopy.CopyObjectLimit)
{
    private readonly MultipartCopy bigCopy = new(s3, target, maxCopySize, observer);

    private const int DeleteBatch = 1000;
    internal static readonly string ToolName = $"s3deploy {typeof(HistoryWriter).Assembly.GetName().Version?.ToString(3)}";

    public async Task PreserveAsync(HistoryPlan history, CancellationToken ct)
    {
        if (history.Preserve.Count == 0)
        {
            return;
        }

        observer.Info($"Keeping the bytes of {history.Preserve.Count} object(s) a kept release refers to (server-side copies into {HistoryKeys.Objects})");
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(history.Preserve, options, async (copy, token) =>
        {
            var request = new CopyObjectRequest
            {
                SourceBucket = target.Bucket,
                SourceKey = target.KeyFor(copy.RelativeKey),
                DestinationBucket = target.Bucket,
                DestinationKey = target.KeyFor(HistoryKeys.Object(copy.Hash)),
                // Only the bytes the manifest vouched for: an object rewritten since the listing is not the release's.
                ETagToMatch = $"\"{copy.ETag}\"",
            };
            try
            {
                if (copy.Size > maxCopySize)
                {
                    await bigCopy.CopyAsync(request.SourceKey, null, request.DestinationKey, copy.Size, null, copy.ETag, token);
                }
                else
                {
                    await S3Errors.Call(() => s3.CopyObjectAsync(request, token), target.Bucket, "s3:GetObject and s3:PutObject", $"keep the bytes of '{copy.RelativeKey}'");
                }
            }
            catch (DeployException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.PreconditionFailed })
            {
                throw DeployException.Refused(DiagnosticCode.ObjectChangedBeforeKept, $"'{copy.RelativeKey}' changed after it was listed, so its release's bytes could not be kept; nothing was overwritten. Another tool or deploy is writing to {target}; run again when it is done.");
            }
        });
    }

    public async Task RecordAsync(DeployPlan plan, DeployManifest manifest, IReadOnlyDictionary<string, StoredObject> written, Action<Diagnostic> warn, CancellationToken ct)
    {
        if (!plan.History.WritesRelease)
        {
            return;
        }

        var record = ReleaseBuilder.Build(plan, manifest, written, ToolName, DateTimeOffset.UtcNow);
        var unversioned = plan.History.Versioned ? written.Where(w => w.Value.VersionId is null).Select(w => w.Key).Order(StringComparer.Ordinal).ToList() : [];
        if (unversioned.Count > 0)
        {
            // The next deploys keep such keys' bytes in the store, as for a release recorded before versioning.
            warn(Diagnostic.Warning(DiagnosticCode.HistoryIncomplete, $"The bucket has versioning enabled but S3 answered no version id for {unversioned.Count} key(s) written, the first '{unversioned[0]}'; release {record.Id} keeps their bytes in the store instead."));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(record, ReleaseJson.Default.ReleaseRecord);
        var request = new PutObjectRequest
        {
            BucketName = target.Bucket,
            Key = target.KeyFor(HistoryKeys.Release(record.Id)),
            InputStream = new MemoryStream(json),
            MD5Digest = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(json)),
            ContentType = "application/json",
            UseChunkEncoding = false,
        };
        request.Headers.CacheControl = "no-store";
        await S3Errors.Call(() => s3.PutObjectAsync(request, ct), target.Bucket, "s3:PutObject", $"write release {record.Id}");
        observer.Info($"Recorded release {record.Id}");
        await PruneAsync(plan.History, ct);
    }

    private async Task PruneAsync(HistoryPlan history, CancellationToken ct)
    {
        var keys = history.PruneReleases.Select(HistoryKeys.Release).Concat(history.PruneObjects.Select(HistoryKeys.Object)).ToList();
        foreach (var batch in keys.Chunk(DeleteBatch))
        {
            var request = new DeleteObjectsRequest { BucketName = target.Bucket, Quiet = true, Objects = [.. batch.Select(k => new KeyVersion { Key = target.KeyFor(k) })] };
            var response = await S3Errors.Call(() => s3.DeleteObjectsAsync(request, ct), target.Bucket, "s3:DeleteObject", "prune release history");
            if (response.DeleteErrors is { Count: > 0 } errors)
            {
                observer.Warning(Diagnostic.Warning(DiagnosticCode.HistoryIncomplete, $"Could not prune {errors.Count} history object(s), the first '{errors[0].Key}': {errors[0].Code}; the next deploy tries again."));
            }
        }
    }
}
