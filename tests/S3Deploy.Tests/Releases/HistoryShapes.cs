using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests.Releases;

/// <summary>Buckets and plans as key → content id maps, for the history planner's tests.</summary>
internal static class HistoryShapes
{
    /// <summary>What a deploy of <paramref name="desired"/> over <paramref name="live"/> does: uploads of what differs, deletes of what is gone.</summary>
    public static List<PlannedAction> Actions(Dictionary<string, string> live, Dictionary<string, string> desired)
    {
        var actions = desired.Where(d => live.GetValueOrDefault(d.Key) != d.Value)
            .Select(d => new PlannedAction(d.Key, ActionKind.Upload, live.ContainsKey(d.Key) ? ActionReason.Content : ActionReason.New, Phase.Assets, null))
            .ToList();
        actions.AddRange(live.Keys.Where(k => !desired.ContainsKey(k)).Select(k => new PlannedAction(k, ActionKind.Delete, ActionReason.Stale, Phase.Deletes, null)));
        return actions;
    }

    /// <summary>The bucket holding <paramref name="live"/>, with a manifest that vouches for every key (ETag "e" + content id).</summary>
    public static BucketState State(Dictionary<string, string> live) => new(
        live.ToDictionary(l => l.Key, l => new RemoteObject(l.Key, 1, "e" + l.Value), StringComparer.Ordinal),
        new DeployManifest(live.ToDictionary(l => l.Key, l => new ManifestEntry(l.Value, 1, "e" + l.Value, "fp"), StringComparer.Ordinal)),
        ManifestFound: true);
}
