using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Releases;

/// <summary>
/// The release a plan made: its key set from the plan's desired objects and the sizes S3 stored (from the new manifest),
/// and on a versioned bucket each key's version id (S3's answer for the keys written, the plan's for the others).
/// </summary>
internal static class ReleaseBuilder
{
    public static ReleaseRecord Build(DeployPlan plan, DeployManifest manifest, IReadOnlyDictionary<string, StoredObject> written, string tool, DateTimeOffset time)
    {
        var history = plan.History;
        var objects = new Dictionary<string, ReleaseObject>(StringComparer.Ordinal);
        var headers = new Dictionary<string, ReleaseHeaders>(StringComparer.Ordinal);
        foreach (var d in plan.Desired.OrderBy(d => d.RelativeKey, StringComparer.Ordinal))
        {
            var fingerprint = d.Headers.Fingerprint();
            headers.TryAdd(fingerprint, ReleaseHeaders.From(d.Headers));
            var version = history.Versioned ? written.GetValueOrDefault(d.RelativeKey)?.VersionId ?? history.Versions.GetValueOrDefault(d.RelativeKey) : null;
            objects[d.RelativeKey] = new ReleaseObject(d.ContentId, manifest.Find(d.RelativeKey)?.Size ?? d.File.Size, fingerprint, d.IsEntryDocument, version);
        }

        var counts = new ReleaseCounts(objects.Count, plan.Count(ActionKind.Upload), plan.Count(ActionKind.UpdateHeaders), plan.Count(ActionKind.Delete), history.Preserve.Count);
        return new ReleaseRecord(ReleaseRecord.CurrentVersion, history.ReleaseId!, time, tool, history.Revision, history.Message, history.RolledBackTo, counts, objects, headers);
    }
}
