using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

public class ManifestBuilderTests
{
    private static readonly IReadOnlySet<string> NothingDeleted = new HashSet<string>();

    private static Dictionary<string, StoredObject> Written(DeployPlan plan, params (string Key, string ETag)[] writes) =>
        writes.ToDictionary(w => w.Key, w => new StoredObject(w.ETag, plan.Desired.Single(d => d.RelativeKey == w.Key).File.Size));

    [Fact]
    public void After_full_success_every_desired_key_is_recorded_with_its_completed_etag()
    {
        var a = Desired("a.css", "aaa");
        var b = Desired("index.html", "<b/>");
        var plan = Plan([a, b], EmptyBucket());
        var completed = Written(plan, ("a.css", "etag-a"), ("index.html", "etag-b"));

        var manifest = ManifestBuilder.Build(plan, completed, NothingDeleted);

        Assert.Equal(["a.css", "index.html"], manifest.Objects.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new ManifestEntry(a.File.Md5Hex, a.File.Size, "etag-a", a.Headers.Fingerprint()), manifest.Find("a.css"));
        Assert.Equal(new ManifestEntry(b.File.Md5Hex, b.File.Size, "etag-b", b.Headers.Fingerprint()), manifest.Find("index.html"));
    }

    [Fact]
    public void Unchanged_keys_keep_the_remote_etag()
    {
        var d = Desired("big.css", "bytes");
        var remote = RemoteOpaque("big.css", "bytes", "0123456789abcdef0123456789abcdef-2");
        var plan = Plan([d], State([remote], [(d.RelativeKey, EntryFor(d, remote))]));
        Assert.Empty(plan.Actions);

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), NothingDeleted);

        Assert.Equal(new ManifestEntry(d.File.Md5Hex, d.File.Size, remote.ETag, d.Headers.Fingerprint()), manifest.Find("big.css"));
    }

    [Fact]
    public void Probed_unchanged_key_without_old_entry_is_recorded_with_the_remote_etag()
    {
        var d = Desired("a.css", "same");
        var remote = Remote("a.css", "same");
        var plan = Plan([d], State([remote]), probed: new Dictionary<string, ObjectHeaders> { ["a.css"] = d.Headers });

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), NothingDeleted);

        Assert.Equal(remote.ETag, manifest.Find("a.css")?.ETag);
        Assert.Equal(d.Headers.Fingerprint(), manifest.Find("a.css")?.Headers);
    }

    [Fact]
    public void Failed_upload_keeps_its_old_entry()
    {
        var d = Desired("a.css", "new content");
        var remote = Remote("a.css", "old");
        var old = new ManifestEntry(remote.ETag, remote.Size, remote.ETag, d.Headers.Fingerprint());
        var plan = Plan([d], State([remote], [("a.css", old)]));
        Assert.Equal(ActionKind.Upload, Assert.Single(plan.Actions).Kind);

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), NothingDeleted);

        Assert.Equal(old, manifest.Find("a.css"));
    }

    [Fact]
    public void Failed_upload_of_a_new_key_records_no_entry()
    {
        var plan = Plan([Desired("a.css", "x"), Desired("b.css", "y")], EmptyBucket());

        var manifest = ManifestBuilder.Build(plan, Written(plan, ("b.css", "etag-b")), NothingDeleted);

        Assert.Null(manifest.Find("a.css"));
        Assert.Equal("etag-b", manifest.Find("b.css")?.ETag);
    }

    [Fact]
    public void Failed_header_update_keeps_the_old_fingerprint()
    {
        var d = Desired("a.css", "same");
        var remote = Remote("a.css", "same");
        var old = EntryFor(d, remote, new ObjectHeaders("text/plain"));
        var plan = Plan([d], State([remote], [("a.css", old)]));
        Assert.Equal(ActionKind.UpdateHeaders, Assert.Single(plan.Actions).Kind);

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), NothingDeleted);

        Assert.Equal(old, manifest.Find("a.css"));
        Assert.NotEqual(d.Headers.Fingerprint(), manifest.Find("a.css")?.Headers);
    }

    [Fact]
    public void Deleted_keys_are_dropped()
    {
        var remote = Remote("old.css", "x");
        var plan = Plan([], State([remote], [("old.css", new ManifestEntry(remote.ETag, remote.Size, remote.ETag, "f"))]));

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), new HashSet<string> { "old.css" });

        Assert.Empty(manifest.Objects);
    }

    [Fact]
    public void Delete_that_did_not_happen_keeps_the_old_entry()
    {
        var remote = Remote("old.css", "x");
        var old = new ManifestEntry(remote.ETag, remote.Size, remote.ETag, "f");
        var plan = Plan([], State([remote], [("old.css", old)]));

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), NothingDeleted);

        Assert.Equal(old, manifest.Find("old.css"));
    }

    [Fact]
    public void Remote_only_keys_that_were_not_deleted_keep_their_old_entries()
    {
        var kept = Remote("keep.map", "x");
        var old = new ManifestEntry(kept.ETag, kept.Size, kept.ETag, "fp");
        var d = Desired("a.css", "y");
        var plan = Plan([d], State([kept], [("keep.map", old)]), delete: false);

        var manifest = ManifestBuilder.Build(plan, Written(plan, ("a.css", "etag-a")), NothingDeleted);

        Assert.Equal(old, manifest.Find("keep.map"));
        Assert.Equal("etag-a", manifest.Find("a.css")?.ETag);
        Assert.Equal(2, manifest.Objects.Count);
    }

    [Fact]
    public void Entries_for_objects_no_longer_in_the_bucket_are_dropped()
    {
        var plan = Plan([], State([], [("vanished.css", new ManifestEntry("m", 1, "e", "f"))]));

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), NothingDeleted);

        Assert.Empty(manifest.Objects);
    }

    [Fact]
    public void Rebuilt_manifest_makes_the_next_plan_change_nothing()
    {
        var a = Desired("a.css", "aaa");
        var page = Desired("index.html", "<p/>");
        var first = Plan([a, page], State([RemoteOpaque("a.css", "aaa", "11111111111111111111111111111111-2")]));
        var completed = first.Actions.ToDictionary(x => x.RelativeKey, x => new StoredObject("22222222222222222222222222222222-" + x.RelativeKey.Length, x.Desired!.File.Size));
        var manifest = ManifestBuilder.Build(first, completed, NothingDeleted);

        var after = new BucketState(
            new Dictionary<string, RemoteObject>
            {
                ["a.css"] = new("a.css", a.File.Size, completed["a.css"].ETag),
                ["index.html"] = new("index.html", page.File.Size, completed["index.html"].ETag),
            },
            DeployManifest.FromJson(manifest.ToJson("test", DateTimeOffset.UnixEpoch))!,
            true);
        var second = Plan([a, page], after);

        Assert.Equal(2, first.Actions.Count);
        Assert.Empty(Planner.KeysToProbe([a, page], after));
        Assert.Empty(second.Actions);
    }
}
