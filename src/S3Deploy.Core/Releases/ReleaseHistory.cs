namespace S3Deploy.Core.Releases;

/// <summary>
/// The history found under the prefix: every release id (newest first), what the kept records read (the newest ones, as
/// many as are kept) refer to, and the content ids in the store. <see cref="Complete"/> is false when a kept record could
/// not be read, and then nothing in the store is pruned.
/// </summary>
internal sealed record ReleaseHistory(IReadOnlyList<string> Ids, ReleaseReferences Kept, IReadOnlySet<string> StoreHashes, bool Complete = true)
{
    public static readonly ReleaseHistory Empty = new([], new ReleaseReferences(), new HashSet<string>(StringComparer.Ordinal));

    /// <summary>From whole records (tests build histories this way).</summary>
    public ReleaseHistory(IReadOnlyList<string> ids, IEnumerable<ReleaseRecord> records, IReadOnlySet<string> storeHashes, bool complete = true)
        : this(ids, ReleaseReferences.Of(records), storeHashes, complete)
    {
    }

    public string? Live => Ids.Count > 0 ? Ids[0] : null;
}
