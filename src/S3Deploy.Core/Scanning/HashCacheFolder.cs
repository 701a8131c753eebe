using System.Security.Cryptography;
using System.Text;

namespace S3Deploy.Core.Scanning;

/// <summary>
/// Where hash caches live: $S3DEPLOY_CACHE_DIR if set, else s3deploy/ in the user's cache folder ($XDG_CACHE_HOME or
/// ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows). One file per source folder.
/// </summary>
internal static class HashCacheFolder
{
    public const string Variable = "S3DEPLOY_CACHE_DIR";

    /// <summary>A cache not written for this long is of a folder gone or rarely deployed; it is removed when another is saved.</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromDays(30);

    private const string Extension = ".hashes";

    public static string? Default(Func<string, string?> environment)
    {
        if (environment(Variable) is { Length: > 0 } own)
        {
            return Path.GetFullPath(own);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = OperatingSystem.IsWindows() ? environment("LOCALAPPDATA")
            : OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Caches")
            : environment("XDG_CACHE_HOME") is { } xdg && Path.IsPathFullyQualified(xdg) ? xdg
            : home.Length > 0 ? Path.Combine(home, ".cache") : null;
        return string.IsNullOrEmpty(root) ? null : Path.Combine(root, "s3deploy");
    }

    /// <summary>The cache file of the source folder whose real path is <paramref name="realRoot"/>.</summary>
    public static string FileFor(string folder, string realRoot) =>
        Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(realRoot)))[..32] + Extension);

    /// <summary>Removes caches (and temporary files of writers that died) last written before <paramref name="before"/>.</summary>
    public static void Prune(string folder, DateTime before)
    {
        foreach (var path in Directory.EnumerateFiles(folder).Where(p => p.EndsWith(Extension, StringComparison.Ordinal) || p.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            if (File.GetLastWriteTimeUtc(path) < before)
            {
                File.Delete(path);
            }
        }
    }
}
