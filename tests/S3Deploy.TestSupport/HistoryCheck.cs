using System.Security.Cryptography;
using System.Text.Json;
using S3Deploy.Core.Remote;

namespace S3Deploy.TestSupport;

/// <summary>
/// The history invariant, read back with the plain SDK (not the deployer's history reader): every release record under
/// PREFIX/.s3deploy/releases/ can still be restored. Each content id a record names is found by the rule the rollback
/// planner uses: in place (a live key the manifest vouches for: same ETag and size), else in the store
/// (.s3deploy/objects/ID), else at a vouched live key the rollback would leave alone (one the release lacks or has with
/// that content). The bytes found are checked by MD5, and the record must hold the headers each key names.
/// </summary>
public static class HistoryCheck
{
    private const string Reserved = ".s3deploy/";

    /// <returns>How many records were checked.</returns>
    /// <param name="reads">Read the bytes of at most this many distinct sources (the first found); every source is found either way.</param>
    public static async Task<int> AssertRestorableAsync(Bucket bucket, string prefix, int reads = int.MaxValue)
    {
        var root = prefix.Length == 0 ? "" : prefix + "/";
        var listed = await bucket.ListSizesAsync(root);
        var manifestKey = root + DeployManifest.RelativeKey;
        var manifest = listed.ContainsKey(manifestKey) ? DeployManifest.FromJson(await bucket.GetAsync(manifestKey)) : null;
        var vouched = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, (etag, size)) in listed.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var relative = key[root.Length..];
            if (!relative.StartsWith(Reserved, StringComparison.Ordinal) && manifest?.Find(relative) is { } entry && entry.ETag == etag && entry.Size == size)
            {
                vouched[relative] = entry.Md5;
            }
        }

        var md5 = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = listed.Keys.Where(k => k.StartsWith(root + Reserved + "releases/", StringComparison.Ordinal) && k.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var recordKey in records)
        {
            using var record = JsonDocument.Parse(await bucket.GetAsync(recordKey));
            var headers = record.RootElement.GetProperty("headers");
            var wanted = record.RootElement.GetProperty("objects").EnumerateObject()
                .ToDictionary(p => p.Name, p => (Hash: p.Value.GetProperty("hash").GetString()!, Headers: p.Value.GetProperty("headers").GetString()!), StringComparer.Ordinal);
            foreach (var (key, (hash, fingerprint)) in wanted)
            {
                Assert.True(headers.TryGetProperty(fingerprint, out _), $"{recordKey} names headers '{fingerprint}' for '{key}' but does not record them.");
                var store = Reserved + "objects/" + hash.Replace('+', '.');
                var source = vouched.GetValueOrDefault(key) == hash ? key
                    : listed.ContainsKey(root + store) ? store
                    : vouched.FirstOrDefault(v => v.Value == hash && (!wanted.TryGetValue(v.Key, out var w) || w.Hash == hash)).Key;
                Assert.True(source is not null, $"{recordKey} refers to content {hash} for '{key}', which is neither in the store nor at a live key the manifest vouches for: those bytes are gone.");

                // A content id with an encoding ("…+gzip") is the MD5 of the file before compression, so only plain ones are checked by MD5.
                if (!hash.Contains('+', StringComparison.Ordinal) && (md5.ContainsKey(source) || md5.Count < reads))
                {
                    if (!md5.TryGetValue(source, out var actual))
                    {
                        md5[source] = actual = Convert.ToHexStringLower(MD5.HashData(await bucket.GetAsync(root + source)));
                    }

                    Assert.True(actual == hash, $"{recordKey} refers to content {hash} for '{key}', but the bytes at '{source}' have MD5 {actual}.");
                }
            }
        }

        return records.Count;
    }
}
