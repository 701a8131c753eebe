using System.Text;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests.Memory;

/// <summary>A manifest read beside a listing holds the listing's strings, not copies; the values it reads are the same.</summary>
public sealed class SharedManifestStringsTests
{
    private const string Md5 = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task An_entry_of_a_listed_object_shares_its_key_and_ETag()
    {
        var listed = Listed(("app.js", Md5), ("caf\u00e9.html", "99999999999999999999999999999999-2"));

        var manifest = await Read(listed, ("app.js", Md5, Md5), ("caf\u00e9.html", Md5, "99999999999999999999999999999999-2"));

        var key = manifest.Objects.Keys.Single(k => k == "app.js");
        Assert.Same(listed.Keys.Single(k => k == "app.js"), key);
        Assert.Same(listed["app.js"].ETag, manifest.Objects[key].ETag);
        Assert.Same(listed["app.js"].ETag, manifest.Objects[key].Md5);
        Assert.Same(listed["caf\u00e9.html"].ETag, manifest.Objects["caf\u00e9.html"].ETag);
        Assert.Equal(Md5, manifest.Objects["caf\u00e9.html"].Md5);
    }

    [Fact]
    public async Task Entries_share_one_string_per_header_fingerprint()
    {
        var listed = Listed(("a.css", Md5), ("b.css", Md5));

        var manifest = await Read(listed, ("a.css", Md5, Md5), ("b.css", Md5, Md5));

        Assert.Equal("fedcba9876543210", manifest.Objects["a.css"].Headers);
        Assert.Same(manifest.Objects["a.css"].Headers, manifest.Objects["b.css"].Headers);
    }

    [Fact]
    public async Task Entries_of_unlisted_objects_and_long_escaped_values_read_as_they_are()
    {
        var longKey = new string('k', 700) + "\u00e9\"";
        var manifest = await Read(Listed(), (longKey, Md5 + "+br", "\"quoted\"-etag"));

        var entry = Assert.Single(manifest.Objects);
        Assert.Equal(longKey, entry.Key);
        Assert.Equal(Md5 + "+br", entry.Value.Md5);
        Assert.Equal("\"quoted\"-etag", entry.Value.ETag);
    }

    private static Dictionary<string, RemoteObject> Listed(params (string Key, string ETag)[] objects) =>
        objects.ToDictionary(o => new string(o.Key.AsSpan()), o => new RemoteObject(o.Key, 10, new string(o.ETag.AsSpan())), StringComparer.Ordinal);

    private static async Task<DeployManifest> Read(Dictionary<string, RemoteObject> listed, params (string Key, string Md5, string ETag)[] entries)
    {
        var written = new DeployManifest(entries.ToDictionary(e => e.Key, e => new ManifestEntry(e.Md5, 10, e.ETag, "fedcba9876543210"), StringComparer.Ordinal));
        using var json = new MemoryStream(written.ToJson("test", DateTimeOffset.UnixEpoch));
        var read = await DeployManifest.FromJsonAsync(json, CancellationToken.None, listed);
        Assert.NotNull(read);
        Assert.True(read.SameAs(written), Encoding.UTF8.GetString(written.ToJson("test", DateTimeOffset.UnixEpoch)));
        return read;
    }
}
