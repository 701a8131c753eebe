using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Planning;

/// <summary>
/// The manifest after a deploy, complete or not: finished actions are recorded with the ETag S3 answered, unfinished ones keep
/// their old entry (whose ETag no longer matches if the object changed), so a rerun after a failure still plans correctly.
/// </summary>
public static class ManifestBuilder
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
            if (stored is null && !pending.Contains(d.RelativeKey) && listed is not null)
            {
                stored = new StoredObject(listed.ETag, listed.Size);
            }

            if (stored is not null && stored.ETag != ETags.Unknown && (stored.Size ?? listed?.Size) is { } size)
            {
                entries[d.RelativeKey] = new ManifestEntry(d.ContentId, size, stored.ETag, d.Headers.Fingerprint());
            }
        }

        var stale = plan.StaleSince.Where(s => !deleted.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        return new DeployManifest(entries) { Stale = stale };
    }
}
