using System.Text;
using System.Text.Json;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public class DeployManifestTests
{
    private static DeployManifest Sample() => new(new Dictionary<string, ManifestEntry>
    {
        ["index.html"] = new("d41d8cd98f00b204e9800998ecf8427e", 0, "d41d8cd98f00b204e9800998ecf8427e", "0011223344556677"),
        ["video/intro.mp4"] = new("9e107d9d372bb6826bd81d3542a419d6", 104_857_600, "aabbccddeeff00112233445566778899-7", "8899aabbccddeeff"),
        ["caf\u00e9 menu.html"] = new("e4d909c290d0fb1ca068ffaddf22cbd0", 12, "e4d909c290d0fb1ca068ffaddf22cbd0", "ffffffffffffffff"),
    });

    [Fact]
    public void ToJson_and_FromJson_round_trip_every_entry()
    {
        var original = Sample();

        var copy = DeployManifest.FromJson(original.ToJson("s3deploy test", DateTimeOffset.UnixEpoch));

        Assert.NotNull(copy);
        Assert.Equal(original.Objects.Count, copy.Objects.Count);
        foreach (var (key, entry) in original.Objects)
        {
            Assert.Equal(entry, copy.Find(key));
        }
    }

    [Fact]
    public void Empty_manifest_round_trips()
    {
        var copy = DeployManifest.FromJson(DeployManifest.Empty.ToJson("t", DateTimeOffset.UnixEpoch));

        Assert.NotNull(copy);
        Assert.Empty(copy.Objects);
    }

    [Fact]
    public void Json_carries_version_tool_time_and_sorted_camel_case_entries()
    {
        var written = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

        using var doc = JsonDocument.Parse(Sample().ToJson("s3deploy 9.9.9", written));
        var root = doc.RootElement;

        Assert.Equal(DeployManifest.CurrentVersion, root.GetProperty("version").GetInt32());
        Assert.Equal("s3deploy 9.9.9", root.GetProperty("tool").GetString());
        Assert.Equal(written, root.GetProperty("written").GetDateTimeOffset());
        var objects = root.GetProperty("objects");
        Assert.Equal(["caf\u00e9 menu.html", "index.html", "video/intro.mp4"], objects.EnumerateObject().Select(p => p.Name));
        var video = objects.GetProperty("video/intro.mp4");
        Assert.Equal("9e107d9d372bb6826bd81d3542a419d6", video.GetProperty("md5").GetString());
        Assert.Equal(104_857_600, video.GetProperty("size").GetInt64());
        Assert.Equal("aabbccddeeff00112233445566778899-7", video.GetProperty("eTag").GetString());
        Assert.Equal("8899aabbccddeeff", video.GetProperty("headers").GetString());
    }

    [Fact]
    public void Find_returns_null_for_an_unknown_key()
    {
        Assert.Null(Sample().Find("missing.html"));
        Assert.NotNull(Sample().Find("index.html"));
    }

    [Theory]
    [InlineData("""{"version":2,"tool":"future","objects":{}}""")]
    [InlineData("""{"version":0,"objects":{}}""")]
    [InlineData("""{"tool":"no version","objects":{}}""")]
    [InlineData("""{"version":1}""")]
    [InlineData("""{"version":1,"objects":null}""")]
    public void Manifest_of_another_version_or_without_objects_is_ignored(string json) =>
        Assert.Null(DeployManifest.FromJson(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("{\"version\":1,\"objects\":{")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("\"a string\"")]
    [InlineData("""{"version":"one","objects":{}}""")]
    [InlineData("""{"version":1,"objects":[]}""")]
    public void Garbage_json_is_ignored(string json) =>
        Assert.Null(DeployManifest.FromJson(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Binary_garbage_is_ignored() =>
        Assert.Null(DeployManifest.FromJson(new byte[] { 0xFF, 0xFE, 0x00, 0x7B, 0xC3 }));

    [Fact]
    public void Manifest_key_lives_in_the_reserved_folder() =>
        Assert.StartsWith(DeployManifest.Folder + "/", DeployManifest.RelativeKey, StringComparison.Ordinal);
}
