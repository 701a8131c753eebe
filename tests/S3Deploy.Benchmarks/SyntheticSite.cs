using System.Globalization;
using System.Security.Cryptography;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Benchmarks;

/// <summary>
/// N files as the scanner hands them over (sorted, each with its own key, path and MD5 strings) and the same N objects as
/// the listing and the manifest read them back (their own strings again, as parsed from XML and JSON): a no-op deploy.
/// </summary>
internal static class SyntheticSite
{
    private static readonly string[] Extensions = ["js", "css", "html", "svg", "png", "json", "woff2", "map"];

    public static string Key(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"assets/d{i / 1000:D4}/file-{i:D7}.{Extensions[i % Extensions.Length]}");

    public static string Md5(int i) => Convert.ToHexStringLower(MD5.HashData(BitConverter.GetBytes(i)));

    public static List<(string Key, string RealPath)> Listing(int n)
    {
        var files = new List<(string, string)>(n);
        for (var i = 0; i < n; i++)
        {
            var key = Key(i);
            files.Add((key, "/home/runner/work/site/dist/" + key));
        }

        return files;
    }

    public static List<LocalFile> Scan(List<(string Key, string RealPath)> listing)
    {
        var files = new List<LocalFile>(listing.Count);
        for (var i = 0; i < listing.Count; i++)
        {
            files.Add(new LocalFile(listing[i].Key, listing[i].RealPath, 1000 + (i % 5000), Md5(i)));
        }

        return files;
    }

    /// <summary>The bucket as listed, with a manifest written by the last deploy; <paramref name="fingerprint"/> gives each key's header fingerprint.</summary>
    public static BucketState Bucket(int n, Func<int, string> fingerprint)
    {
        var written = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var objects = new Dictionary<string, RemoteObject>(StringComparer.Ordinal);
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var listedKey = Key(i);
            var modified = written.AddSeconds(-n + i);
            objects[listedKey] = new RemoteObject(listedKey, 1000 + (i % 5000), Md5(i), modified);
            entries[Key(i)] = new ManifestEntry(Md5(i), 1000 + (i % 5000), Md5(i), fingerprint(i), modified);
        }

        return new BucketState(objects, new DeployManifest(entries), ManifestFound: true) { ManifestLastModified = written };
    }
}
