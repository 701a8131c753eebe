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

    public IReadOnlySet<string> Ids => ids;

    public IReadOnlySet<string> Hashes => hashes;

    /// <summary>For whole records in hand (tests, and callers that read records for other reasons).</summary>
    public static ReleaseReferences Of(IEnumerable<ReleaseRecord> records)
    {
        var references = new ReleaseReferences();
        foreach (var record in records)
        {
            references.Add(record.Id, record.Objects.Values.Select(o => o.Hash));
        }

        return references;
    }

    /// <summary>The string already held for <paramref name="hash"/>, if any: a record read next reuses it.</summary>
    public bool TryGetShared(ReadOnlySpan<char> hash, out string shared) =>
        hashes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(hash, out shared!);

    public void Add(string id, IEnumerable<string> recordHashes)
    {
        ids.Add(id);
        hashes.UnionWith(recordHashes);
    }
}
