namespace S3Deploy.Core.Releases;

/// <summary>
/// What a deploy needs of the kept release records: which ones were read, and the content ids they refer to, in one set
/// for all of them. Whole records hold every key (about 30 MB each at 100k keys); consecutive releases share most of
/// their content ids, so the set stays close to one release's size and each id is one string.
/// </summary>
internal sealed class ReleaseReferences
{
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> hashes = new(StringComparer.Ordinal);
    private readonly HashSet<string> unversioned = new(StringComparer.Ordinal);
    private bool allUnversioned;

    public IReadOnlySet<string> Ids => ids;

    public IReadOnlySet<string> Hashes => hashes;

    /// <summary>
    /// The content ids some kept record names without a version id (so on a versioned bucket only the store can give them
    /// back). A record with no version id at all makes it every id: more copies than needed, never fewer, and no second
    /// set of every key for the common bucket without versioning.
    /// </summary>
    public IReadOnlySet<string> Unversioned => allUnversioned ? hashes : unversioned;

    /// <summary>For whole records in hand (tests, and callers that read records for other reasons).</summary>
    public static ReleaseReferences Of(IEnumerable<ReleaseRecord> records)
    {
        var references = new ReleaseReferences();
        foreach (var record in records)
        {
            var without = record.Objects.Values.Where(o => o.VersionId is null).Select(o => o.Hash).ToList();
            var noneVersioned = without.Count > 0 && without.Count == record.Objects.Count;
            references.Add(record.Id, record.Objects.Values.Select(o => o.Hash), noneVersioned ? null : without);
        }

        return references;
    }

    /// <summary>The string already held for <paramref name="hash"/>, if any: a record read next reuses it.</summary>
    public bool TryGetShared(ReadOnlySpan<char> hash, out string shared) =>
        hashes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(hash, out shared!);

    /// <param name="withoutVersion">The ids the record names without a version id; null when none of its entries has one.</param>
    public void Add(string id, IEnumerable<string> recordHashes, IEnumerable<string>? withoutVersion)
    {
        ids.Add(id);
        hashes.UnionWith(recordHashes);
        if (withoutVersion is null)
        {
            allUnversioned = true;
        }
        else
        {
            unversioned.UnionWith(withoutVersion);
        }
    }
}
