using System.Collections.Concurrent;

namespace S3Deploy.Core.Scanning;

/// <summary>
/// The MD5s of one source folder's files from earlier scans, keyed by stamp (size, mtime, ctime, inode, device), so an
/// unchanged file is not read again. Only what the current scan saw is saved, after it succeeded. A cache that cannot be
/// read or written is left aside with a note: it can cost a read, never a deploy.
/// </summary>
internal sealed class HashCache
{
    /// <summary>Longer than any file system's timestamp step (FAT's 2 s aside), so a later write always moves the stamp.</summary>
    public static readonly TimeSpan DefaultSettle = TimeSpan.FromSeconds(2);

    private readonly string folder;
    private readonly string file;
    private readonly string root;
    private readonly long settleNs;
    private readonly Dictionary<string, CachedHash> known;
    private readonly ConcurrentDictionary<string, CachedHash> seen = new(StringComparer.Ordinal);
    private int hits;
    private int added;

    private HashCache(string folder, string root, TimeSpan settle)
    {
        this.folder = folder;
        this.root = root;
        file = HashCacheFolder.FileFor(folder, root);
        settleNs = settle.Ticks * 100;
        try
        {
            known = File.Exists(file) ? HashCacheFile.Read(file, root) : [];
        }
        catch (Exception e)
        {
            // Whatever is wrong with it (damaged, foreign, unreadable), every file is simply read again.
            known = [];
            Problem = $"The hash cache {file} was ignored ({e.Message.TrimEnd('.')}); every file was read.";
        }
    }

    /// <summary>Entries held in memory: all of the cache file's and this scan's until saved, none after.</summary>
    public int Held => known.Count + seen.Count;

    /// <summary>Files whose MD5 came from the cache in this scan.</summary>
    public int Hits => hits;

    /// <summary>Why the cache could not be read or saved, for one info line; null when all went well.</summary>
    public string? Problem { get; private set; }

    /// <summary>The cache of the source folder at <paramref name="realRoot"/>; null where files have no stamp or there is no cache folder.</summary>
    public static HashCache? Open(string realRoot, string? folder, TimeSpan settle) =>
        FileStamps.Supported && folder is not null ? new HashCache(folder, realRoot, settle) : null;

    /// <summary>The stamp of the file now, taken before it is read, and when it was taken.</summary>
    public static (FileStamp? Stamp, long AtNs) Stamp(string path)
    {
        var at = NowNs();
        return (FileStamps.Read(path), at);
    }

    /// <summary>The cached MD5 of the file at <paramref name="path"/> if it still has the stamp it had when hashed.</summary>
    public string? Find(string path, FileStamp stamp)
    {
        // The name the cache file gave is kept for this scan too, rather than a second copy of it per file.
        if (!known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(NameSpan(path), out var name, out var cached) || cached.Stamp != stamp)
        {
            return null;
        }

        seen[name] = cached;
        Interlocked.Increment(ref hits);
        return cached.Md5Hex;
    }

    /// <summary>
    /// Remembers a hash just computed, unless the file changed while it was read (its stamp moved) or so recently before
    /// that a next write could keep the same stamp (the timestamp step of the file system): such a file is read next time.
    /// </summary>
    public void Keep(string path, FileStamp before, long stampedAtNs, LocalFile hashed)
    {
        if (before.Size == hashed.Size && !before.IsRecent(stampedAtNs, settleNs) && FileStamps.Read(path) == before)
        {
            seen[Name(path)] = new CachedHash(before, hashed.Md5Hex);
            Interlocked.Increment(ref added);
        }
    }

    /// <summary>Writes the entries of this scan's files (only if they differ from what was read), atomically.</summary>
    public void Save()
    {
        if (added == 0 && seen.Count == known.Count)
        {
            Release();
            return;
        }

        try
        {
            if (!OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            HashCacheFile.Write(file, root, [.. seen]);
        }
        catch (Exception e)
        {
            // A read-only home or a full disk costs the next deploy a read of every file, not this deploy.
            Problem = $"The hash cache was not saved in {folder} ({e.Message.TrimEnd('.')}); the next deploy reads every file again.";
            return;
        }
        finally
        {
            Release();
        }

        try
        {
            HashCacheFolder.Prune(folder, DateTime.UtcNow - HashCacheFolder.Unused);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another deploy pruning at the same time, or a file not ours: left for the next save.
        }
    }

    /// <summary>Saved (or not): the entries are not needed again, and the plan, built next, is where a deploy's memory peaks.</summary>
    private void Release()
    {
        known.Clear();
        known.TrimExcess();
        seen.Clear();
        added = 0;
    }

    private string Name(string path) => NameSpan(path).ToString();

    private ReadOnlySpan<char> NameSpan(string path) =>
        path.Length > root.Length + 1 && path.StartsWith(root, StringComparison.Ordinal) && path[root.Length] == Path.DirectorySeparatorChar
            ? path.AsSpan(root.Length + 1)
            : path;

    private static long NowNs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
}
