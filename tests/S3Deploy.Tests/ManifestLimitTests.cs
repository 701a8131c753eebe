using System.Text;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

/// <summary>The most of a manifest the deployer reads: what the listed keys can justify, never unbounded.</summary>
public class ManifestLimitTests
{
    [Fact]
    public void Empty_bucket_allows_only_the_base() =>
        Assert.Equal(ManifestReader.BaseBytes, ManifestReader.Limit([]));

    [Fact]
    public void Each_key_adds_room_for_an_entry_and_a_stale_record_escaped_at_worst() =>
        Assert.Equal(ManifestReader.BaseBytes + (2 * (ManifestReader.BytesPerEntry + (12 * 10))), ManifestReader.Limit(["index.html", "app.js.map"]));

    [Fact]
    public void Worst_case_manifest_of_the_listed_keys_fits_the_limit()
    {
        // Every key 1,024 bytes of characters the serializer escapes, each key both an entry and a stale record.
        var keys = Enumerable.Range(0, 20).Select(i => i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + new string('<', 1020)).ToList();
        var entries = keys.ToDictionary(k => k, _ => new ManifestEntry(new string('a', 32) + "+gzip", long.MaxValue, new string('f', 32) + "-10000", new string('0', 16), DateTimeOffset.MaxValue));
        var manifest = new DeployManifest(entries) { Stale = keys.ToDictionary(k => k, _ => DateTimeOffset.MaxValue) };

        var json = manifest.ToJson(new string('t', 100), DateTimeOffset.MaxValue);

        Assert.True(json.Length <= ManifestReader.Limit(keys), $"{json.Length} bytes > {ManifestReader.Limit(keys)}");
        Assert.Contains("\\u003C", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }
}
