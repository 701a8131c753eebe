namespace S3Deploy.Core.Releases;

/// <summary>
/// The history found under the prefix: every release id (newest first), the records read (the newest ones, as many as are
/// kept), and the content ids in the store. <see cref="Complete"/> is false when a kept record could not be read, and then
/// nothing in the store is pruned.
/// </summary>
internal sealed record ReleaseHistory(IReadOnlyList<string> Ids, IReadOnlyList<ReleaseRecord> Records, IReadOnlySet<string> StoreHashes, bool Complete = true)
{
    public static readonly ReleaseHistory Empty = new([], [], new HashSet<string>(StringComparer.Ordinal));

    public string? Live => Ids.Count > 0 ? Ids[0] : null;
}
