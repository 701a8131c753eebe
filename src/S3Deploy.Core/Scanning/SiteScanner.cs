using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

/// <summary>
/// Lists the source folder, then hashes every file, streaming and in parallel. Every entry is judged by its real path
/// (all links in all components resolved): without --follow-symlinks nothing outside the folder is ever read, and only
/// regular files are ever opened.
/// </summary>
internal sealed class SiteScanner(ExcludeFilter excludes, bool followSymlinks, string reservedFolder)
{
    private const int BufferSize = 1 << 16;

    /// <summary>Refuses a source that is missing or not a folder; the deploy calls it before it lists anything.</summary>
    public static DirectoryInfo RequireFolder(string root)
    {
        var rootDir = new DirectoryInfo(Path.GetFullPath(root));
        if (File.Exists(rootDir.FullName))
        {
            throw DeployException.Refused(DiagnosticCode.SourceNotFolder, $"Source '{root}' is a file, not a folder. Point s3deploy at the folder your build writes, e.g. ./dist or bin/Release/net10.0/publish/wwwroot.");
        }

        if (!rootDir.Exists)
        {
            throw DeployException.Refused(DiagnosticCode.SourceMissing, $"Source folder '{root}' does not exist. Build the site first, or check the path (it is relative to {Environment.CurrentDirectory}).");
        }

        return rootDir;
    }

    public async Task<ScanResult> ScanAsync(string root, CancellationToken cancellationToken) =>
        await HashAsync(List(root), cancellationToken);

    /// <summary>Finds the files to deploy without reading one, so a bad tree is refused before the bucket is contacted.</summary>
    internal SourceListing List(string root)
    {
        var rootDir = RequireFolder(root);
        var realRoot = Path.TrimEndingDirectorySeparator(RealPaths.Resolve(rootDir.FullName));
        var walk = new SourceWalk(realRoot);
        Walk(walk, realRoot, "");

        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, path) in walk.Found)
        {
            if (!byKey.TryAdd(key, path.Full))
            {
                throw DeployException.Usage(DiagnosticCode.BadOption, $"'{path}' and '{byKey[key]}' both become key '{key}' (their names differ only in Unicode normalization). Rename one.");
            }
        }

        return new SourceListing(walk.Found, walk.Warnings) { RealRoot = realRoot };
    }

    /// <summary>Hashes every file, or takes its MD5 from <paramref name="cache"/> when its stamp is unchanged; saves the cache after.</summary>
    internal static async Task<ScanResult> HashAsync(SourceListing listing, CancellationToken cancellationToken, HashCache? cache = null)
    {
        var files = new ConcurrentBag<LocalFile>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(listing.Files, options, async (item, ct) => files.Add(await HashAsync(item.Key, item.Path, cache, ct)));
        var sorted = files.OrderBy(f => f.RelativeKey, StringComparer.Ordinal).ToList();
        cache?.Save();
        return new ScanResult(sorted, listing.Warnings) { FromCache = cache?.Hits ?? 0 };
    }

    private void Walk(SourceWalk walk, string realFolder, string relative)
    {
        foreach (var name in Names(realFolder, relative))
        {
            var entryRelative = relative.Length == 0 ? name : relative + "/" + name;
            if (relative.Length == 0 && name == reservedFolder)
            {
                walk.Warn(DiagnosticCode.SkippedReserved, $"Skipped '{entryRelative}': the name is reserved for the deploy manifest.");
                continue;
            }

            if (excludes.IsExcluded(entryRelative) && excludes.IsExcluded(entryRelative + "/"))
            {
                // Excluded whatever it is, so a name that could not become a key can be left out this way.
                continue;
            }

            var key = KeyNames.FromRelativePath(entryRelative);
            if (Inspect(realFolder, name, entryRelative) is not var (real, kind))
            {
                walk.WarnIf(!excludes.IsExcluded(key), DiagnosticCode.SkippedLinkLoop, $"Skipped '{entryRelative}': a symbolic link loop (the link never reaches a file or folder).");
                continue;
            }

            var isLink = real != Path.Combine(realFolder, name);
            if (excludes.IsExcluded(kind == NodeKind.Folder ? key + "/" : key))
            {
                continue;
            }

            if (kind == NodeKind.Missing)
            {
                // A non-link that vanished since the listing was simply removed by someone else; nothing to say.
                walk.WarnIf(isLink, DiagnosticCode.SkippedBrokenLink, $"Skipped '{entryRelative}': a symbolic link whose target does not exist.");
                continue;
            }

            if (!followSymlinks && !RealPaths.IsInside(real, walk.RealRoot))
            {
                walk.Warn(DiagnosticCode.SkippedOutsideLink, $"Skipped '{entryRelative}': a symbolic link to '{real}', outside the source folder (use --follow-symlinks to deploy it).");
                continue;
            }

            switch (kind)
            {
                case NodeKind.Folder:
                    WalkFolder(walk, real, entryRelative);
                    break;
                case NodeKind.RegularFile:
                    var checkedKey = CheckedKey(key, entryRelative);
                    walk.Found.Add((checkedKey, FilePath.Of(real, walk.RootSlash, checkedKey)));
                    break;
                default:
                    walk.Warn(DiagnosticCode.SkippedNotRegular, $"Skipped '{entryRelative}': {NodeKinds.Describe(kind)}, not a regular file; it was not read.");
                    break;
            }
        }
    }

    private void WalkFolder(SourceWalk walk, string real, string relative)
    {
        if (!walk.Ancestors.Add(real))
        {
            walk.Warn(DiagnosticCode.SkippedLinkLoop, $"Skipped '{relative}': a symbolic link loop leads back to a folder already scanned.");
            return;
        }

        Walk(walk, real, relative);

        // Only the folders above this one make a loop; a link elsewhere to the same folder is a second, legitimate path.
        walk.Ancestors.Remove(real);
    }

    /// <summary>The entry's real path and what is there; null for a link loop.</summary>
    private static (string Real, NodeKind Kind)? Inspect(string realFolder, string name, string relative)
    {
        try
        {
            var real = RealPaths.Resolve(realFolder, name);
            return (real, NodeKinds.Of(real));
        }
        catch (LinkLoopException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(relative, e);
        }
    }

    private static List<string> Names(string realFolder, string relative)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(realFolder).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(relative.Length == 0 ? "." : relative + "/", e);
        }
    }

    private static string CheckedKey(string key, string relative)
    {
        if (key.Any(char.IsControl))
        {
            throw DeployException.Usage(DiagnosticCode.BadSourceFile, $"'{KeyNames.Printable(relative)}' has a control character in its name, which makes a key browsers, CloudFront and S3 listings mishandle. Rename it, or --exclude it.");
        }

        if (!KeyNames.FitsS3(key))
        {
            throw DeployException.Usage(DiagnosticCode.BadOption, $"'{relative}' makes a key longer than S3's {KeyNames.MaxKeyBytes}-byte limit. Shorten the path or the prefix.");
        }

        return key;
    }

    private static DeployException Unreadable(string relative, Exception e)
    {
        var why = e is PathTooLongException ? "its path is longer than the operating system allows" : e.Message.TrimEnd('.');
        return DeployException.Usage(DiagnosticCode.BadSourceFile, $"Cannot read '{Shortened(KeyNames.Printable(relative))}' ({why}). Fix it, or --exclude it; nothing was changed.");
    }

    /// <summary>A path of thousands of characters keeps its start and end, and says how long it was.</summary>
    private static string Shortened(string path) =>
        path.Length <= 300 ? path : $"{path[..120]}…({path.Length:N0} characters)…{path[^120..]}";

    private static async Task<LocalFile> HashAsync(string key, FilePath location, HashCache? cache, CancellationToken ct)
    {
        var path = location.Full;
        try
        {
            if (cache is null || HashCache.Stamp(path) is not ({ } stamp, var at))
            {
                return await HashFileAsync(key, location, path, ct);
            }

            if (cache.Find(path, stamp) is { } md5)
            {
                return new LocalFile(key, location, stamp.Size, md5);
            }

            var hashed = await HashFileAsync(key, location, path, ct);
            cache.Keep(path, stamp, at, hashed);
            return hashed;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw DeployException.Usage(DiagnosticCode.BadSourceFile, $"Cannot read '{key}' ({e.Message.TrimEnd('.')}). Fix its permissions, or --exclude it; nothing was changed.");
        }
    }

    private static async Task<LocalFile> HashFileAsync(string key, FilePath location, string path, CancellationToken ct)
    {
        if (HashSmallFile(key, location, path) is { } small)
        {
            return small;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var md5 = await MD5.HashDataAsync(stream, ct);
        return new LocalFile(key, location, stream.Length, Convert.ToHexStringLower(md5));
    }

    /// <summary>
    /// Most files of a site are a few KB: one synchronous read into a pooled buffer, not a FileStream with a 64 KB buffer
    /// of its own each. Null when the file is larger than the buffer (it is then streamed).
    /// </summary>
    private static LocalFile? HashSmallFile(string key, FilePath location, string path)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize + 1);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = 0;
            int read;
            while ((read = RandomAccess.Read(handle, buffer.AsSpan(length, BufferSize + 1 - length), length)) > 0)
            {
                length += read;
                if (length > BufferSize)
                {
                    return null;
                }
            }

            Span<byte> md5 = stackalloc byte[MD5.HashSizeInBytes];
            MD5.HashData(buffer.AsSpan(0, length), md5);
            return new LocalFile(key, location, length, Convert.ToHexStringLower(md5));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
