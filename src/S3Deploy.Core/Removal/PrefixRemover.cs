using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Releases;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Text;

namespace S3Deploy.Core.Removal;

/// <summary>
/// Tears a prefix down (a preview, a retired site): lists it, says what it found, refuses above --max-deletes, then
/// deletes the site's objects before its manifest, so a removal cut short leaves a prefix a deploy still understands.
/// It holds the prefix's deploy lock while it deletes, so a deploy or rollback meanwhile is refused.
/// </summary>
internal sealed class PrefixRemover(IAmazonS3 s3, Action<string> info)
{
    private const int DeleteBatch = 1000;

    /// <summary>--break-lock: take the prefix's deploy lock even if another run holds it.</summary>
    public bool BreakLock { get; init; }

    /// <summary>Runs before any client exists: the bucket root is a whole bucket, not a prefix.</summary>
    public static void CheckTarget(S3Target target, bool force)
    {
        if (target.Prefix.Length == 0 && !force)
        {
            throw DeployException.Refused(
                DiagnosticCode.RemoveBucketRoot,
                $"{target} is the bucket root: removing it deletes every object in the bucket. Nothing was changed. Name a prefix (s3://{target.Bucket}/PREFIX), or pass --force if you mean the whole bucket.");
        }
    }

    public async Task<RemoveResult> RemoveAsync(S3Target target, int maxDeletes, bool dryRun, CancellationToken ct)
    {
        var objects = await ListAsync(target, ct);
        var bytes = objects.Sum(o => o.Size);
        info($"Found {Plural.Of(objects.Count, "object")} ({Bytes.Format(bytes)}) under {target}");
        if (objects.Count > maxDeletes)
        {
            throw DeployException.Refused(
                DiagnosticCode.TooManyDeletes,
                $"Removing {target} would delete {Plural.Of(objects.Count, "object")}, more than --max-deletes {maxDeletes}. Nothing was changed. If that is right, pass --max-deletes {objects.Count}.");
        }

        if (dryRun || objects.Count == 0)
        {
            return new RemoveResult(target.ToString(), objects.Count, bytes, 0, dryRun);
        }

        await DeleteLockedAsync(target, objects.Select(o => o.RelativeKey), ct);
        info($"Deleted {Plural.Of(objects.Count, "object")} under {target}");
        return new RemoveResult(target.ToString(), objects.Count, bytes, objects.Count, DryRun: false);
    }

    /// <summary>Every object under the prefix, the manifest last.</summary>
    public async Task<IReadOnlyList<RemoteObject>> ListAsync(S3Target target, CancellationToken ct)
    {
        var listed = await new BucketLister(s3, target, [KeyRange.All]).ListAsync(ct);
        return [.. listed.Values.OrderBy(o => o.RelativeKey.StartsWith(DeployManifest.Folder + "/", StringComparison.Ordinal)).ThenBy(o => o.RelativeKey, StringComparer.Ordinal)];
    }

    /// <summary>Deletes under the prefix's deploy lock; the lock object itself goes last, when the lock is released.</summary>
    public async Task DeleteLockedAsync(S3Target target, IEnumerable<string> relativeKeys, CancellationToken ct)
    {
        await using var held = await PrefixLock.AcquireAsync(s3, target, "remove", BreakLock, DateTimeOffset.UtcNow, ct);
        foreach (var warning in held.Warnings)
        {
            info($"warning {warning.Code}: {warning.Message}");
        }

        await DeleteAsync(target, relativeKeys.Where(k => k != HistoryKeys.Lock), ct);
    }

    private async Task DeleteAsync(S3Target target, IEnumerable<string> relativeKeys, CancellationToken ct)
    {
        foreach (var batch in relativeKeys.Chunk(DeleteBatch))
        {
            ct.ThrowIfCancellationRequested();
            var request = new DeleteObjectsRequest { BucketName = target.Bucket, Quiet = true, Objects = [.. batch.Select(k => new KeyVersion { Key = target.KeyFor(k) })] };
            var response = await S3Errors.Call(() => s3.DeleteObjectsAsync(request, ct), target.Bucket, "s3:DeleteObject", "delete the objects");
            if (response.DeleteErrors is [var error, ..] errors)
            {
                var code = error.Code == "AccessDenied" ? DiagnosticCode.AccessDenied : DiagnosticCode.ServiceError;
                throw new DeployException(code, FailureKind.Service, $"{Plural.Of(errors.Count, "object")} under {target} could not be deleted; the first, '{error.Key}': {error.Code} {error.Message}. Run again to finish.");
            }
        }
    }
}
