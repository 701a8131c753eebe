using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Core.Releases;

/// <summary>
/// Plans the prefix back to a release: a key whose bytes are in place but whose headers differ gets a header copy; one whose
/// bytes differ (or that is gone) is restored by a server-side copy from the store (or from a live key with the same
/// content, or, on a versioned bucket, from the version the release recorded) with the release's headers; keys the
/// release lacked are deleted. Pure: the bucket's state is passed in.
/// </summary>
internal static class RollbackPlanner
{
    public static DeployPlan Plan(ReleaseRecord release, BucketState state, IReadOnlySet<string> storeHashes)
    {
        var desired = new List<DesiredObject>();
        var actions = new List<PlannedAction>();
        var liveByHash = LiveByHash(release, state);
        var gone = new List<string>();
        foreach (var (key, o) in release.Objects.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var headers = release.Headers.TryGetValue(o.Headers, out var h)
                ? h.ToHeaders()
                : throw DeployException.Refused(DiagnosticCode.HistoryIncomplete, $"Release {release.Id} does not record the headers of '{key}', so it cannot be restored exactly.");

            // The content id stands as the file's MD5, so the manifest written after the rollback records it as is.
            var d = new DesiredObject(new LocalFile(key, "", o.Size, o.Hash), headers, o.Entry);
            desired.Add(d);
            var phase = o.Entry ? Phase.EntryDocuments : Phase.Assets;
            var live = HistoryPlanner.LiveHash(key, state);
            if (live is { } l && l.Hash == o.Hash)
            {
                var trusted = Planner.HeadersEntry(key, state.Objects[key], state);
                if (trusted?.Headers != o.Headers)
                {
                    actions.Add(new PlannedAction(key, ActionKind.UpdateHeaders, ActionReason.Headers, phase, d));
                }

                continue;
            }

            // What the listing shows first; a recorded version may have expired since (checked before anything changes).
            var source = storeHashes.Contains(o.Hash) ? HistoryKeys.Object(o.Hash) : liveByHash.GetValueOrDefault(o.Hash);
            if (source is null && o.VersionId is null)
            {
                gone.Add(key);
                continue;
            }

            actions.Add(new PlannedAction(key, ActionKind.Upload, ActionReason.Restore, phase, d) { RestoreFrom = source ?? key, RestoreVersionId = source is null ? o.VersionId : null });
        }

        if (gone.Count > 0)
        {
            throw DeployException.Refused(DiagnosticCode.ReleaseBytesGone, $"Release {release.Id} needs bytes that are no longer in the bucket ({gone.Count} key(s), the first '{gone[0]}'), so it cannot be restored exactly. Nothing was changed.");
        }

        foreach (var key in state.Objects.Keys.Where(k => !release.Objects.ContainsKey(k) && k.Length > 0 && !k.EndsWith('/')).Order(StringComparer.Ordinal))
        {
            actions.Add(new PlannedAction(key, ActionKind.Delete, ActionReason.Stale, Phase.Deletes, null));
        }

        return new DeployPlan(desired, actions, state);
    }

    /// <summary>
    /// Live keys by the content the manifest vouches for, a restore can copy from one instead of the store: only keys this
    /// rollback does not write (they keep their bytes, or are deleted after every copy is done).
    /// </summary>
    private static Dictionary<string, string> LiveByHash(ReleaseRecord release, BucketState state)
    {
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in state.Objects.Keys.Order(StringComparer.Ordinal))
        {
            if (HistoryPlanner.LiveHash(key, state) is { } live && (!release.Objects.TryGetValue(key, out var kept) || kept.Hash == live.Hash))
            {
                byHash.TryAdd(live.Hash, key);
            }
        }

        return byHash;
    }
}
