using S3Deploy.Core.Headers;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Planning;

/// <summary>Compares the folder with the bucket. Pure: the only facts it needs from the network are passed in.</summary>
internal static class Planner
{
    /// <summary>
    /// Keys whose bytes already match but whose headers the manifest cannot vouch for (a bucket filled by another tool,
    /// or a deploy killed before its manifest was written). One HEAD each beats re-uploading them.
    /// </summary>
    public static IReadOnlyList<string> KeysToProbe(IEnumerable<DesiredObject> desired, BucketState state) =>
        desired
            .Where(d => state.Objects.TryGetValue(d.RelativeKey, out var remote)
                && BytesEqual(d, remote, state.Manifest)
                && HeadersEntry(d.RelativeKey, remote, state) is null)
            .Select(d => d.RelativeKey)
            .ToList();

    /// <param name="probed">Headers read with HEAD for the keys <see cref="KeysToProbe"/> named.</param>
    /// <param name="isDeletable">False for keys that must never be deleted (excluded ones).</param>
    /// <param name="keepStale">How long an object stays after it left the source, so visitors holding old pages still get their assets.</param>
    public static DeployPlan Plan(
        IReadOnlyList<DesiredObject> desired,
        BucketState state,
        IReadOnlyDictionary<string, ObjectHeaders> probed,
        bool delete,
        Func<string, bool> isDeletable,
        TimeSpan keepStale = default,
        DateTimeOffset now = default)
    {
        var actions = new List<PlannedAction>();
        foreach (var d in desired)
        {
            var action = Decide(d, state, probed);
            if (action is not null)
            {
                actions.Add(action);
            }
        }

        if (!delete)
        {
            return new DeployPlan(desired, actions, state);
        }

        var wanted = desired.Select(d => d.RelativeKey).ToHashSet(StringComparer.Ordinal);
        var staleSince = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var key in state.Objects.Keys.Where(k => !wanted.Contains(k) && !IsFolderMarker(k) && isDeletable(k)).Order(StringComparer.Ordinal))
        {
            var since = state.Manifest.Stale.TryGetValue(key, out var recorded) ? recorded : now;
            staleSince[key] = since;
            if (keepStale <= TimeSpan.Zero || now - since >= keepStale)
            {
                actions.Add(new PlannedAction(key, ActionKind.Delete, ActionReason.Stale, Phase.Deletes, null));
            }
            else
            {
                kept.Add(key);
            }
        }

        return new DeployPlan(desired, actions, state) { StaleSince = staleSince, KeptStale = kept };
    }

    private static PlannedAction? Decide(DesiredObject d, BucketState state, IReadOnlyDictionary<string, ObjectHeaders> probed)
    {
        var phase = d.IsEntryDocument ? Phase.EntryDocuments : Phase.Assets;
        if (!state.Objects.TryGetValue(d.RelativeKey, out var remote))
        {
            return new PlannedAction(d.RelativeKey, ActionKind.Upload, ActionReason.New, phase, d);
        }

        if (!BytesEqual(d, remote, state.Manifest))
        {
            return new PlannedAction(d.RelativeKey, ActionKind.Upload, ActionReason.Content, phase, d);
        }

        var desired = d.Headers.Fingerprint();
        var remoteHeaders = HeadersEntry(d.RelativeKey, remote, state)?.Headers
            ?? probed.GetValueOrDefault(d.RelativeKey)?.AsComparedWith(d.Headers).Fingerprint();
        return remoteHeaders == desired
            ? null
            : new PlannedAction(d.RelativeKey, ActionKind.UpdateHeaders, ActionReason.Headers, phase, d);
    }

    /// <summary>
    /// Equal when the listed ETag is the plain MD5 of the local bytes, or when the object is still the one the manifest
    /// recorded (same ETag and size) and the manifest's content id is the local one: that second rule covers multipart
    /// and KMS ETags, and objects S3Deploy compressed on the way up.
    /// </summary>
    internal static bool BytesEqual(DesiredObject d, RemoteObject remote, DeployManifest manifest)
    {
        if (d.Compress == Compression.None && remote.Size == d.File.Size && remote.ETagIsMd5 && remote.ETag == d.File.Md5Hex)
        {
            return true;
        }

        var entry = TrustedEntry(d.RelativeKey, remote, manifest);
        return entry is not null && entry.Md5 == d.ContentId;
    }

    /// <summary>
    /// The entry whose header fingerprint can be trusted: the object is still the one recorded, and nothing rewrote it
    /// since (another tool can copy an object onto itself with other headers and the same bytes, hence the same ETag).
    /// An entry with a LastModified must match the listed one exactly; one without (written by the deploy that wrote the
    /// manifest, or by an older version) must be older than the manifest itself. Strictly older: S3 keeps these times to
    /// the second, and a script that fixes headers right after a deploy lands in the manifest's second. Objects written in
    /// that last second cost one HEAD on the next deploy, which then records their exact times.
    /// </summary>
    internal static ManifestEntry? HeadersEntry(string key, RemoteObject remote, BucketState state)
    {
        var entry = TrustedEntry(key, remote, state.Manifest);
        if (entry is null || remote.LastModified is not { } listed)
        {
            return entry;
        }

        var untouched = entry.LastModified is { } recorded
            ? recorded == listed
            : state.ManifestLastModified is not { } written || listed < written;
        return untouched ? entry : null;
    }

    private static ManifestEntry? TrustedEntry(string key, RemoteObject remote, DeployManifest manifest)
    {
        // An unknown ETag proves nothing, not even when the manifest recorded the same unknown one.
        var entry = manifest.Find(key);
        return entry is not null && remote.ETag != ETags.Unknown && entry.ETag == remote.ETag && entry.Size == remote.Size ? entry : null;
    }

    private static bool IsFolderMarker(string key) => key.Length == 0 || key.EndsWith('/');
}
