using System.Text.Json;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public class DeployManifestStaleTests
{
    private static readonly DateTimeOffset Since = new(2025, 5, 31, 8, 30, 0, TimeSpan.Zero);

    private static Dictionary<string, ManifestEntry> Entries() => new()
    {
        ["index.html"] = new("d41d8cd98f00b204e9800998ecf8427e", 0, "d41d8cd98f00b204e9800998ecf8427e", "0011223344556677"),
        ["app.js"] = new("9e107d9d372bb6826bd81d3542a419d6", 10, "9e107d9d372bb6826bd81d3542a419d6", "8899aabbccddeeff"),
    };

    private static DeployManifest WithStale(params (string Key, DateTimeOffset Since)[] stale) =>
        new(Entries()) { Stale = stale.ToDictionary(s => s.Key, s => s.Since, StringComparer.Ordinal) };

    [Fact]
    public void Stale_records_round_trip()
    {
        var original = WithStale(("old/app.js", Since), ("caf\u00e9.css", Since.AddHours(-5)), ("b.js", new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.FromHours(2))));

        var copy = DeployManifest.FromJson(original.ToJson("t", Since));

        Assert.NotNull(copy);
        Assert.Equal(original.Stale, copy.Stale);
        Assert.True(copy.SameAs(original));
    }

    [Fact]
    public void Stale_is_written_sorted_under_its_own_property()
    {
        using var doc = JsonDocument.Parse(WithStale(("z.js", Since), ("a.js", Since.AddDays(-1))).ToJson("t", Since));

        var stale = doc.RootElement.GetProperty("stale");
        Assert.Equal(["a.js", "z.js"], stale.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Since, stale.GetProperty("z.js").GetDateTimeOffset());
    }

    [Fact]
    public void Empty_stale_is_omitted_and_reads_back_empty()
    {
        var manifest = new DeployManifest(Entries());

        var json = manifest.ToJson("t", Since);
        using var doc = JsonDocument.Parse(json);

        Assert.False(doc.RootElement.TryGetProperty("stale", out _));
        var copy = DeployManifest.FromJson(json);
        Assert.NotNull(copy);
        Assert.Empty(copy.Stale);
    }

    [Fact]
    public void Manifest_without_stale_written_by_an_older_version_reads_with_no_stale_records()
    {
        var copy = DeployManifest.FromJson("""{"version":1,"tool":"old","objects":{}}"""u8);

        Assert.NotNull(copy);
        Assert.Empty(copy.Stale);
        Assert.Empty(DeployManifest.Empty.Stale);
    }

    [Fact]
    public void Same_entries_and_stale_records_are_the_same()
    {
        Assert.True(WithStale(("old.js", Since)).SameAs(WithStale(("old.js", Since))));
        Assert.True(new DeployManifest(Entries()).SameAs(new DeployManifest(Entries())));
        Assert.True(DeployManifest.Empty.SameAs(new DeployManifest(new Dictionary<string, ManifestEntry>())));
    }

    [Fact]
    public void Same_instant_in_another_offset_is_the_same()
    {
        Assert.True(WithStale(("old.js", Since)).SameAs(WithStale(("old.js", Since.ToOffset(TimeSpan.FromHours(-7))))));
    }

    [Fact]
    public void Different_entries_are_not_the_same()
    {
        var changed = Entries();
        changed["app.js"] = changed["app.js"] with { ETag = "ffffffffffffffffffffffffffffffff" };
        var fewer = Entries();
        fewer.Remove("app.js");
        var renamed = Entries();
        renamed.Remove("app.js");
        renamed["app2.js"] = Entries()["app.js"];

        var manifest = new DeployManifest(Entries());

        Assert.False(manifest.SameAs(new DeployManifest(changed)));
        Assert.False(manifest.SameAs(new DeployManifest(fewer)));
        Assert.False(new DeployManifest(fewer).SameAs(manifest));
        Assert.False(manifest.SameAs(new DeployManifest(renamed)));
    }

    [Fact]
    public void Different_stale_records_are_not_the_same()
    {
        var one = WithStale(("old.js", Since));

        Assert.False(one.SameAs(WithStale()));
        Assert.False(WithStale().SameAs(one));
        Assert.False(one.SameAs(WithStale(("old.js", Since.AddSeconds(1)))));
        Assert.False(one.SameAs(WithStale(("other.js", Since))));
        Assert.False(one.SameAs(WithStale(("old.js", Since), ("other.js", Since))));
    }
}
