using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
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

    /// <summary>As the scanner lists them: each file's path is the source folder (one string) and its key.</summary>
    public static List<(string Key, FilePath Path)> Listing(int n)
    {
        var files = new List<(string, FilePath)>(n);
        const string root = "/home/runner/work/site/dist/";
        for (var i = 0; i < n; i++)
        {
            var key = Key(i);
            files.Add((key, FilePath.Of(root + key, root, key)));
        }

        return files;
    }

    public static List<LocalFile> Scan(List<(string Key, FilePath Path)> listing)
    {
        var files = new List<LocalFile>(listing.Count);
        for (var i = 0; i < listing.Count; i++)
        {
            files.Add(new LocalFile(listing[i].Key, listing[i].Path, Size(i), Md5(i)));
        }

        return files;
    }

    /// <summary>
    /// The bucket as the lister keeps it (keys below the prefix, sharing the folder's strings through <paramref name="keys"/>;
    /// ETags normalized from the quoted form the SDK hands over) and the deploy manifest of a previous deploy, written to
    /// <paramref name="manifestFile"/> as the manifest's JSON.
    /// </summary>
    public static async Task<BucketState> BucketAsync(int n, KeyPool keys, Func<int, string> fingerprint, string manifestFile)
    {
        var written = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var objects = new Dictionary<string, RemoteObject>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var key = keys.Relative("site/" + Key(i), "site/".Length);
            objects[key] = new RemoteObject(key, Size(i), ETags.Normalize($"\"{Md5(i)}\""), written.AddSeconds(-n + i));
        }

        WriteManifest(objects, fingerprint, written, manifestFile);
        await using var json = File.OpenRead(manifestFile);
        var manifest = await DeployManifest.FromJsonAsync(json, CancellationToken.None, objects) ?? throw new InvalidOperationException("The manifest did not parse.");
        return new BucketState(objects, manifest, ManifestFound: true) { ManifestLastModified = written };
    }

    private static long Size(int i) => 1000 + (i % 5000);

    /// <summary>Streamed entry by entry, as large as a real one and never whole in memory.</summary>
    private static void WriteManifest(Dictionary<string, RemoteObject> objects, Func<int, string> fingerprint, DateTimeOffset written, string path)
    {
        using var file = File.Create(path);
        using var writer = new Utf8JsonWriter(file);
        writer.WriteStartObject();
        writer.WriteNumber("version", DeployManifest.CurrentVersion);
        writer.WriteString("tool", "s3deploy/bench");
        writer.WriteString("written", written);
        writer.WriteStartObject("objects");
        var i = 0;
        foreach (var (key, o) in objects)
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, new ManifestEntry(o.ETag, o.Size, o.ETag, fingerprint(i++), o.LastModified), ManifestJson.Default.ManifestEntry);
            if (i % 1000 == 0)
            {
                writer.Flush();
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
