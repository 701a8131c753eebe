using System.Security.Cryptography;
using System.Text;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests;

/// <summary>Small builders for plans: local files with real MD5s, remote objects and bucket states.</summary>
internal static class TestData
{
    public static readonly ObjectHeaders HtmlHeaders = new("text/html; charset=utf-8", CacheDefaults.Entry);

    public static readonly ObjectHeaders CssHeaders = new("text/css; charset=utf-8", CacheDefaults.Other);

    public static string Md5Of(string content) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content)));

    public static LocalFile File(string key, string content) =>
        new(key, "/nowhere/" + key, Encoding.UTF8.GetByteCount(content), Md5Of(content));

    public static DesiredObject Desired(string key, string content, ObjectHeaders? headers = null)
    {
        var entry = key.EndsWith(".html", StringComparison.Ordinal);
        return new DesiredObject(File(key, content), headers ?? (entry ? HtmlHeaders : CssHeaders), entry);
    }

    /// <summary>A remote object as a single-part upload of <paramref name="content"/> would list it.</summary>
    public static RemoteObject Remote(string key, string content) =>
        new(key, Encoding.UTF8.GetByteCount(content), Md5Of(content));

    /// <summary>A remote object with an opaque (multipart or KMS) ETag.</summary>
    public static RemoteObject RemoteOpaque(string key, string content, string etag) =>
        new(key, Encoding.UTF8.GetByteCount(content), etag);

    /// <summary>The manifest entry a previous deploy of <paramref name="d"/> would have written for <paramref name="remote"/>.</summary>
    public static ManifestEntry EntryFor(DesiredObject d, RemoteObject remote, ObjectHeaders? headers = null) =>
        new(d.File.Md5Hex, d.File.Size, remote.ETag, (headers ?? d.Headers).Fingerprint());

    public static BucketState State(IEnumerable<RemoteObject> objects, IEnumerable<(string Key, ManifestEntry Entry)>? manifest = null)
    {
        var entries = (manifest ?? []).ToDictionary(m => m.Key, m => m.Entry, StringComparer.Ordinal);
        return new BucketState(
            objects.ToDictionary(o => o.RelativeKey, o => o, StringComparer.Ordinal),
            new DeployManifest(entries),
            entries.Count > 0);
    }

    public static BucketState EmptyBucket() => State([]);

    public static readonly IReadOnlyDictionary<string, ObjectHeaders> NoProbes = new Dictionary<string, ObjectHeaders>();

    public static DeployPlan Plan(IReadOnlyList<DesiredObject> desired, BucketState state, bool delete = true, IReadOnlyDictionary<string, ObjectHeaders>? probed = null) =>
        Planner.Plan(desired, state, probed ?? NoProbes, delete, _ => true);
}
