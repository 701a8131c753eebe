using Amazon.Runtime;
using Amazon.S3;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Releases;

/// <summary>
/// On a versioned bucket, the version ids of the keys a plan leaves as they are: from the live release where it recorded
/// one for the same content, else listed once. Keys the plan writes get theirs from S3's answers as they land.
/// </summary>
internal static class VersionCarry
{
    public static async Task<IReadOnlyDictionary<string, string>> KnownAsync(IAmazonS3 s3, S3Target target, DeployPlan plan, ReleaseHistory history, int keep, CancellationToken ct)
    {
        // With one release kept nothing rolls back to this one: its unchanged keys are left to a deploy that keeps more.
        if (keep <= 1)
        {
            return new Dictionary<string, string>();
        }

        // The deploy path keeps only content ids of the kept records; the live one is read whole here, once, for its version ids.
        var live = history.Live is not { } id ? null : await new HistoryReader(s3, target).TryReadAsync(id, ct);
        var (known, missing) = FromLive(plan, live);
        if (missing.Count > 0)
        {
            try
            {
                foreach (var (key, version) in await new VersionLister(s3, target).CurrentAsync(missing, ct))
                {
                    known[key] = version;
                }
            }
            catch (DeployException e) when (e.InnerException is AmazonServiceException)
            {
                // Without s3:ListBucketVersions the keys stay without one, and the next deploys keep their bytes in the store.
            }
        }

        return known;
    }

    /// <summary>Pure: the ids the live release vouches for (same content at the same key), and the keys it cannot.</summary>
    internal static (Dictionary<string, string> Known, HashSet<string> Missing) FromLive(DeployPlan plan, ReleaseRecord? live)
    {
        var written = plan.Actions.Where(a => a.Kind != ActionKind.Delete).Select(a => a.RelativeKey).ToHashSet(StringComparer.Ordinal);
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in plan.Desired.Where(d => !written.Contains(d.RelativeKey)))
        {
            if (live is not null && live.Objects.TryGetValue(d.RelativeKey, out var o) && o.Hash == d.ContentId && o.VersionId is { } version)
            {
                known[d.RelativeKey] = version;
            }
            else
            {
                missing.Add(d.RelativeKey);
            }
        }

        return (known, missing);
    }
}
