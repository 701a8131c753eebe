using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Releases;

/// <summary>
/// Decides, from the object actions and the history found, which old bytes to keep before they are overwritten or deleted,
/// whether a release is written, and what pruning removes. Pure, so the guarantee "a kept release never references bytes
/// that are gone" is tested without a server.
/// </summary>
internal static class HistoryPlanner
{
    /// <param name="newHashes">The content ids of the release this plan makes (every key it leaves in place).</param>
    /// <param name="unrecorded">The bucket is a release a killed run did not get to record: record it even without changes.</param>
    /// <param name="versioned">The bucket keeps old versions: only what kept releases recorded without a version id needs the store.</param>
    public static HistoryPlan Plan(IReadOnlyList<PlannedAction> actions, IEnumerable<string> newHashes, BucketState state, ReleaseHistory history, int keep, string newId, bool unrecorded = false, bool versioned = false)
    {
        if (keep <= 0 || (actions.Count == 0 && history.Ids.Count > 0 && !unrecorded))
        {
            return HistoryPlan.Off with { Previous = history.Live };
        }

        // The releases that survive this one; their records are the newest read (the history reader reads as many as are
        // kept, and keeps of them only the content ids they refer to, in one set).
        var survivors = history.Ids.Take(keep - 1).ToHashSet(StringComparer.Ordinal);
        var known = history.Complete && survivors.IsSubsetOf(history.Kept.Ids);
        var referenced = history.Kept.Hashes;
        var needStore = versioned ? history.Kept.Unversioned : referenced;

        var preserve = new List<StoreCopy>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions.Where(a => a.Kind == ActionKind.Delete || (a.Kind == ActionKind.Upload && state.Objects.ContainsKey(a.RelativeKey))))
        {
            // Header updates keep the bytes in place, so they need no copy; nor do bytes nothing kept refers to.
            if (LiveHash(action.RelativeKey, state) is not var (hash, etag)
                || (known && !needStore.Contains(hash))
                || history.StoreHashes.Contains(hash)
                || !planned.Add(hash))
            {
                continue;
            }

            preserve.Add(new StoreCopy(action.RelativeKey, hash, etag, state.Objects[action.RelativeKey].Size));
        }

        var pruneObjects = known ? Unreferenced(history.StoreHashes, referenced, newHashes) : [];
        return new HistoryPlan(newId, preserve, [.. history.Ids.Skip(keep - 1)], pruneObjects) { Previous = history.Live, Versioned = versioned };
    }

    private static List<string> Unreferenced(IReadOnlySet<string> store, IReadOnlySet<string> referenced, IEnumerable<string> newHashes)
    {
        var unreferenced = store.Where(h => !referenced.Contains(h)).ToHashSet(StringComparer.Ordinal);
        unreferenced.ExceptWith(newHashes);
        return [.. unreferenced.Order(StringComparer.Ordinal)];
    }

    /// <summary>The content id of what is at the key now, when the manifest can vouch for it (same ETag and size as recorded).</summary>
    internal static (string Hash, string ETag)? LiveHash(string key, BucketState state) =>
        state.Objects.GetValueOrDefault(key) is { } remote
        && remote.ETag != ETags.Unknown
        && state.Manifest.Find(key) is { } entry
        && entry.ETag == remote.ETag
        && entry.Size == remote.Size
            ? (entry.Md5, remote.ETag)
            : null;
}
