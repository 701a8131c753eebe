using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Planning;

/// <summary>
/// The manifest after a deploy, complete or not: finished actions are recorded with the ETag S3 answered, unfinished ones keep
/// their old entry (whose ETag no longer matches if the object changed), so a rerun after a failure still plans correctly.
/// </summary>
public static class ManifestBuilder
{
    public static DeployManifest Build(DeployPlan plan, IReadOnlyDictionary<string, string> completedETags, IReadOnlySet<string> deleted)
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
            string? etag = completedETags.GetValueOrDefault(d.RelativeKey);
            if (etag is null && !pending.Contains(d.RelativeKey) && before.Objects.TryGetValue(d.RelativeKey, out var unchanged))
            {
                etag = unchanged.ETag;
            }

            if (etag is not null)
            {
                entries[d.RelativeKey] = new ManifestEntry(d.File.Md5Hex, d.File.Size, etag, d.Headers.Fingerprint());
            }
        }

        return new DeployManifest(entries);
    }
}
