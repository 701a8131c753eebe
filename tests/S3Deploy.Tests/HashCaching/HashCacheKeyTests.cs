using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests.HashCaching;

public sealed class HashCacheKeyTests : HashCacheTest
{
    public static TheoryData<string> Parts => ["size", "mtime", "ctime", "inode", "device"];

    [StampedFilesTheory]
    [MemberData(nameof(Parts))]
    public void A_stamp_that_differs_in_any_part_misses(string part)
    {
        var (path, stamp) = Cached("a.txt", "alpha");
        var other = part switch
        {
            "size" => stamp with { Size = stamp.Size + 1 },
            "mtime" => stamp with { ModifiedNs = stamp.ModifiedNs + 1 },
            "ctime" => stamp with { ChangedNs = stamp.ChangedNs + 1 },
            "inode" => stamp with { Inode = stamp.Inode + 1 },
            _ => stamp with { Device = stamp.Device + 1 },
        };

        var cache = Open();

        Assert.Equal("2c1743a391305fbf367df8e4f069f9f9", cache.Find(path, stamp));
        Assert.Null(Open().Find(path, other));
    }

    [StampedFilesFact]
    public void The_stamp_is_what_the_file_system_says()
    {
        var path = Site.Write("b.bin", new byte[1234]);
        var mtime = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567);
        File.SetLastWriteTimeUtc(path, mtime);

        var stamp = FileStamps.Read(path)!.Value;

        Assert.Equal(1234, stamp.Size);
        Assert.Equal((mtime - DateTime.UnixEpoch).Ticks * 100, stamp.ModifiedNs);
        Assert.NotEqual(0UL, stamp.Inode);
        Assert.True(stamp.ChangedNs > stamp.ModifiedNs, "ctime is when the mtime was set, after 2020");
        Assert.Null(FileStamps.Read(Site.Combine("missing.txt")));
    }

    [StampedFilesFact]
    public async Task Concurrent_writers_leave_one_whole_cache_and_no_temporary_files()
    {
        var names = Enumerable.Range(0, 40).Select(i => $"f{i}.txt").ToList();
        var stamps = names.Select(n => FileStamps.Read(Site.Write(n, n))!.Value).ToList();

        await Parallel.ForEachAsync(Enumerable.Range(0, 16), async (writer, ct) =>
        {
            await Task.Yield();
            for (var round = 0; round < 10; round++)
            {
                // Each writer saves its own set of entries; whichever lands last must be readable whole.
                var entries = names.Select((n, i) => new KeyValuePair<string, CachedHash>(n, new(stamps[i], $"{writer:x2}{i:x2}".PadRight(32, '0')))).ToList();
                HashCacheFile.Write(CacheFile, RealRoot, entries);
            }
        });

        var read = HashCacheFile.Read(CacheFile, RealRoot);
        Assert.Equal(names.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        Assert.Single(read.Values.Select(v => v.Md5Hex[..2]).Distinct());
        Assert.Equal([CacheFile], Directory.GetFiles(Caches.Path));
    }

    [Fact]
    public void The_cache_folder_is_the_variable_else_the_users_cache_folder()
    {
        var variables = new Dictionary<string, string?>();
        string? Env(string name) => variables.GetValueOrDefault(name);

        variables[HashCacheFolder.Variable] = Caches.Path;
        Assert.Equal(Caches.Path, HashCacheFolder.Default(Env));

        variables.Clear();
        variables["XDG_CACHE_HOME"] = Caches.Path;
        variables["LOCALAPPDATA"] = Caches.Path;
        var expected = OperatingSystem.IsMacOS()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Caches", "s3deploy")
            : Path.Combine(Caches.Path, "s3deploy");
        Assert.Equal(expected, HashCacheFolder.Default(Env));

        // A relative XDG_CACHE_HOME is invalid by the XDG spec and ignored.
        variables["XDG_CACHE_HOME"] = "relative/cache";
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "s3deploy"), HashCacheFolder.Default(Env));
        }
    }

    [Fact]
    public void Pruning_removes_only_caches_unused_for_a_month()
    {
        var old = Caches.Write("0123.hashes", "old");
        var dead = Caches.Write("0123.hashes.77.abc.tmp", "a writer that died");
        var recent = Caches.Write("4567.hashes", "recent");
        var other = Caches.Write("notes.txt", "not ours");
        foreach (var path in new[] { old, dead, other })
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-31));
        }

        HashCacheFolder.Prune(Caches.Path, DateTime.UtcNow - HashCacheFolder.Unused);

        Assert.Equal([recent, other], Directory.GetFiles(Caches.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_source_folder_has_its_own_cache_file()
    {
        Assert.NotEqual(HashCacheFolder.FileFor(Caches.Path, "/srv/site-a"), HashCacheFolder.FileFor(Caches.Path, "/srv/site-b"));
        Assert.Equal(HashCacheFolder.FileFor(Caches.Path, "/srv/site-a"), HashCacheFolder.FileFor(Caches.Path, "/srv/site-a"));
    }

    /// <summary>A file hashed and saved in the cache; returns its path and stamp.</summary>
    private (string Path, FileStamp Stamp) Cached(string name, string text)
    {
        var path = Site.Write(name, text);
        var stamp = FileStamps.Read(path)!.Value;
        var cache = Open();
        cache.Keep(path, stamp, stamp.ChangedNs + 1, new LocalFile(name, path, stamp.Size, Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)))));
        cache.Save();
        return (path, stamp);
    }
}
