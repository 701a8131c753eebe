using System.Security.Cryptography;
using System.Text;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests.HashCaching;

public sealed class HashCacheScanTests : HashCacheTest
{
    [StampedFilesFact]
    public async Task A_second_scan_of_unchanged_files_takes_every_md5_from_the_cache()
    {
        Site.Write("index.html", "<html/>");
        Site.Write("css/site.css", "body{}");
        var (first, _) = await ScanAsync();

        var (second, cache) = await ScanAsync();

        Assert.Equal(0, first.FromCache);
        Assert.Equal(2, second.FromCache);
        Assert.Equal(first.Files.Select(f => (f.RelativeKey, f.Md5Hex, f.Size)), second.Files.Select(f => (f.RelativeKey, f.Md5Hex, f.Size)));
        Assert.Null(cache.Problem);
    }

    [StampedFilesFact]
    public async Task A_hit_does_not_read_the_file()
    {
        // Root reads a chmod 000 file anyway, so the proof is a cached MD5 the bytes could never give: it comes back as is.
        var path = Site.Write("page.html", "<p>cached</p>");
        await ScanAsync();
        var planted = new string('0', 32);
        var stamp = FileStamps.Read(path)!.Value;
        HashCacheFile.Write(CacheFile, RealRoot, [new("page.html", new CachedHash(stamp, planted))]);

        var (scan, _) = await ScanAsync();

        Assert.Equal(planted, Md5Of(scan, "page.html"));
        Assert.Equal(1, scan.FromCache);
    }

    [StampedFilesFact]
    public async Task Same_size_and_restored_mtime_still_miss_because_ctime_moved()
    {
        var path = Site.Write("app.js", "var a = 1;");
        var mtime = File.GetLastWriteTimeUtc(path);
        await ScanAsync();

        File.WriteAllText(path, "var b = 2;");
        File.SetLastWriteTimeUtc(path, mtime);
        var (scan, _) = await ScanAsync();

        Assert.Equal(0, scan.FromCache);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("var b = 2;"u8)), Md5Of(scan, "app.js"));
    }

    [StampedFilesFact]
    public async Task A_file_replaced_by_a_copy_with_the_same_bytes_and_mtime_misses()
    {
        var path = Site.Write("logo.svg", "<svg/>");
        await ScanAsync();

        var copy = Site.Write("logo.tmp", "<svg/>");
        File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(path));
        File.Move(copy, path, overwrite: true);
        var (scan, _) = await ScanAsync();

        Assert.Equal(0, scan.FromCache);
    }

    [StampedFilesFact]
    public async Task A_file_changed_within_the_settling_time_is_read_again_next_time()
    {
        Site.Write("fresh.txt", "just written");
        await ScanAsync(settle: TimeSpan.FromHours(1));

        var (scan, _) = await ScanAsync(settle: TimeSpan.FromHours(1));

        Assert.Equal(0, scan.FromCache);
        Assert.False(File.Exists(CacheFile));
    }

    [StampedFilesFact]
    public async Task A_damaged_cache_is_ignored_with_a_note_and_replaced()
    {
        Site.Write("a.txt", "alpha");
        await ScanAsync();
        var bytes = File.ReadAllBytes(CacheFile);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(CacheFile, bytes);

        var (damaged, cache) = await ScanAsync();
        var (after, _) = await ScanAsync();

        Assert.Equal(0, damaged.FromCache);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("alpha"u8)), Md5Of(damaged, "a.txt"));
        Assert.Contains("was ignored", cache.Problem);
        Assert.Equal(1, after.FromCache);
    }

    [StampedFilesFact]
    public async Task A_cache_of_another_format_or_empty_is_ignored()
    {
        Site.Write("a.txt", "alpha");
        Directory.CreateDirectory(Caches.Path);
        foreach (var junk in new[] { "", "S3DHASH1", "{\"not\":\"ours\"}" })
        {
            File.WriteAllText(CacheFile, junk, Encoding.UTF8);

            var (scan, cache) = await ScanAsync();

            Assert.Equal(0, scan.FromCache);
            Assert.NotNull(cache.Problem);
            File.Delete(CacheFile);
        }
    }

    [StampedFilesFact]
    public async Task An_unwritable_cache_folder_costs_a_note_not_the_scan()
    {
        // A regular file where the folder should be: creating it fails even for root, as chmod would not.
        var blocked = Caches.Write("not-a-folder", "x");
        Site.Write("a.txt", "alpha");

        var (scan, cache) = await ScanAsync(folder: Path.Combine(blocked, "s3deploy"));

        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("alpha"u8)), Md5Of(scan, "a.txt"));
        Assert.Contains("was not saved", cache.Problem);
    }

    [StampedFilesFact]
    public async Task The_cache_holds_only_the_files_of_the_last_scan()
    {
        Site.Write("keep.txt", "keep");
        var gone = Site.Write("gone.txt", "gone");
        await ScanAsync();

        File.Delete(gone);
        await ScanAsync();

        Assert.Equal(["keep.txt"], HashCacheFile.Read(CacheFile, RealRoot).Keys);
    }

    [StampedFilesFact]
    public async Task A_scan_with_nothing_new_leaves_the_cache_file_as_it_was()
    {
        Site.Write("a.txt", "alpha");
        await ScanAsync();
        var written = File.GetLastWriteTimeUtc(CacheFile);
        File.SetLastWriteTimeUtc(CacheFile, written.AddHours(-1));

        await ScanAsync();

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(CacheFile));
    }
}
