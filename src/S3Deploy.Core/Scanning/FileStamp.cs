namespace S3Deploy.Core.Scanning;

/// <summary>
/// What the operating system says about a file without reading it. Equal stamps mean unchanged as far as the OS can tell:
/// a write moves the change time (ctime), which no tool can set back, so a file restored with its old mtime, or a fresh
/// checkout of the same bytes, never has the stamp a cached hash was recorded under.
/// </summary>
internal readonly record struct FileStamp(long Size, long ModifiedNs, long ChangedNs, ulong Inode, ulong Device)
{
    /// <summary>Whether the file changed (its ctime or mtime moved) too recently for a later change to be told apart.</summary>
    public bool IsRecent(long nowNs, long settleNs) => nowNs - Math.Max(ModifiedNs, ChangedNs) < settleNs;
}
