using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Planning;

/// <summary>
/// The manifest after a deploy, complete or not: finished actions are recorded with the ETag S3 answered, unfinished ones keep
/// their old entry (whose ETag no longer matches if the object changed), so a rerun after a failure still plans correctly.
/// </summary>
internal static class ManifestBuilder
{
    public static DeployManifest Build(DeployPlan plan, IReadOnlyDictionary<string, StoredObject> written, IReadOnlySet<string> deleted)
    {
        var before = plan.Before;
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var (key, remote) in before.Objects)
        {
            if (!deleted.Contains(key) && before.Manifest.Find(key) is { } old)
            {
                entries[key] = old;
            }
        }

        var pending = plan.Actions.Where(a => a.Kind != ActionKind.Delete).Select(a => a.RelativeKey).ToHashSet(StringComparer.Ordinal);
        foreach (var d in plan.Desired)
        {
            var listed = before.Objects.GetValueOrDefault(d.RelativeKey);
            var stored = written.GetValueOrDefault(d.RelativeKey);
            DateTimeOffset? modified = stored?.LastModified;
            if (stored is null && !pending.Contains(d.RelativeKey) && listed is not null)
            {
                stored = new StoredObject(listed.ETag, listed.Size);

                // Unchanged: an entry that vouched for it keeps its time (so a no-op deploy changes nothing); one learned
                // by HEAD gets the listed time, so the next deploy trusts it until someone rewrites it.
                var vouched = Planner.HeadersEntry(d.RelativeKey, listed, before);
                modified = vouched is not null ? vouched.LastModified : listed.LastModified;
            }

            if (stored is not null && stored.ETag != ETags.Unknown && (stored.Size ?? listed?.Size) is { } size)
            {
                // An unchanged object keeps the entry it had: at a million keys, a copy of each is ~150 MB.
                var entry = new ManifestEntry(d.ContentId, size, stored.ETag, d.Headers.Fingerprint(), modified);
                entries[d.RelativeKey] = before.Manifest.Find(d.RelativeKey) is { } old && old == entry ? old : entry;
            }
        }

        var stale = plan.StaleSince.Where(s => !deleted.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var manifest = new DeployManifest(entries) { Stale = stale };
        return before.ManifestFound && manifest.SameAs(before.Manifest) ? manifest : WithListedTimes(manifest, before, written);
    }

    /// <summary>
    /// A manifest that is written anyway records the listed time of every object not written since and not touched by
    /// anyone else (as far as the old manifest can tell): an exact time catches a rewrite that a bound by the manifest's
    /// own time would miss (one made while this deploy ran).
    /// </summary>
    private static DeployManifest WithListedTimes(DeployManifest manifest, BucketState before, IReadOnlyDictionary<string, StoredObject> written)
    {
        var entries = manifest.Objects.ToDictionary(
            e => e.Key,
            e => e.Value.LastModified is null
                && !written.ContainsKey(e.Key)
                && before.Objects.GetValueOrDefault(e.Key) is { LastModified: { } listed } remote
                && remote.ETag == e.Value.ETag
                && Planner.HeadersEntry(e.Key, remote, before) is not null
                    ? e.Value with { LastModified = listed }
                    : e.Value,
            StringComparer.Ordinal);
        return manifest with { Objects = entries };
    }
}
