using System.Collections.Concurrent;
using System.Security.Cryptography;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

/// <summary>Lists the source folder and hashes every file, streaming and in parallel.</summary>
public sealed class SiteScanner(ExcludeFilter excludes, bool followSymlinks, string reservedFolder)
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

    public async Task<ScanResult> ScanAsync(string root, CancellationToken cancellationToken)
    {
        var rootDir = RequireFolder(root);
        var warnings = new List<string>();
        var found = new List<(string Key, string Path)>();
        var realRoot = RealPath(rootDir);
        Walk(rootDir, "", realRoot, [realRoot], found, warnings);

        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, path) in found)
        {
            if (!byKey.TryAdd(key, path))
            {
                throw DeployException.Usage(DiagnosticCode.BadOption, $"'{path}' and '{byKey[key]}' both become key '{key}' (their names differ only in Unicode normalization). Rename one.");
            }
        }

        var files = new ConcurrentBag<LocalFile>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(found, options, async (item, ct) => files.Add(await HashAsync(item.Key, item.Path, ct)));
        var sorted = files.OrderBy(f => f.RelativeKey, StringComparer.Ordinal).ToList();
        return new ScanResult(sorted, warnings);
    }

    private void Walk(DirectoryInfo dir, string relative, string realRoot, HashSet<string> visited, List<(string, string)> found, List<string> warnings)
    {
        foreach (var entry in dir.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var entryRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            var key = KeyNames.FromRelativePath(entryRelative);
            if (relative.Length == 0 && entry.Name == reservedFolder)
            {
                warnings.Add($"{DiagnosticCode.SkippedReserved}: Skipped '{entryRelative}': the name is reserved for the deploy manifest.");
                continue;
            }

            if (entry.LinkTarget is not null && !AcceptLink(entry, entryRelative, realRoot, warnings))
            {
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                if (excludes.IsExcluded(key + "/"))
                {
                    continue;
                }

                if (!visited.Add(RealPath(sub)))
                {
                    warnings.Add($"{DiagnosticCode.SkippedLinkLoop}: Skipped '{entryRelative}': a symbolic link loop leads back to a folder already scanned.");
                    continue;
                }

                Walk(sub, entryRelative, realRoot, visited, found, warnings);

                // Only the folders above this one make a loop; a link elsewhere to the same folder is a second, legitimate path.
                visited.Remove(RealPath(sub));
                continue;
            }

            if (excludes.IsExcluded(key))
            {
                continue;
            }

            if (key.Any(char.IsControl))
            {
                throw DeployException.Usage(DiagnosticCode.BadSourceFile, $"'{string.Concat(entryRelative.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))}' has a control character in its name, which makes a key browsers, CloudFront and S3 listings mishandle. Rename it, or --exclude it.");
            }

            if (!KeyNames.FitsS3(key))
            {
                throw DeployException.Usage(DiagnosticCode.BadOption, $"'{entryRelative}' makes a key longer than S3's {KeyNames.MaxKeyBytes}-byte limit. Shorten the path or the prefix.");
            }

            found.Add((key, entry.FullName));
        }
    }

    private bool AcceptLink(FileSystemInfo entry, string relative, string realRoot, List<string> warnings)
    {
        FileSystemInfo? target;
        try
        {
            target = entry.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            warnings.Add($"{DiagnosticCode.SkippedLinkLoop}: Skipped '{relative}': a symbolic link loop (the link never reaches a file or folder).");
            return false;
        }

        if (target is null || !target.Exists)
        {
            warnings.Add($"{DiagnosticCode.SkippedBrokenLink}: Skipped '{relative}': a symbolic link whose target does not exist.");
            return false;
        }

        var inside = target.FullName.StartsWith(realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!inside && !followSymlinks)
        {
            warnings.Add($"{DiagnosticCode.SkippedOutsideLink}: Skipped '{relative}': a symbolic link to '{target.FullName}', outside the source folder (use --follow-symlinks to deploy it).");
            return false;
        }

        return true;
    }

    private static string RealPath(DirectoryInfo dir)
    {
        var target = dir.LinkTarget is null ? null : dir.ResolveLinkTarget(returnFinalTarget: true);
        return Path.TrimEndingDirectorySeparator((target ?? dir).FullName);
    }

    private static async Task<LocalFile> HashAsync(string key, string path, CancellationToken ct)
    {
        try
        {
            return await HashFileAsync(key, path, ct);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw DeployException.Usage(DiagnosticCode.BadSourceFile, $"Cannot read '{key}' ({e.Message.TrimEnd('.')}). Fix its permissions, or --exclude it; nothing was changed.");
        }
    }

    private static async Task<LocalFile> HashFileAsync(string key, string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var md5 = await MD5.HashDataAsync(stream, ct);
        return new LocalFile(key, path, stream.Length, Convert.ToHexStringLower(md5));
    }
}
