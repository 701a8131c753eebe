using System.Text;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>
/// An object rewritten by another tool with the same bytes (so the same ETag) but other headers: the manifest's header
/// fingerprint is trusted only while the listed LastModified says nobody touched the object since.
/// </summary>
public class LastModifiedTests
{
    private static readonly DateTimeOffset Written = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> NothingDeleted = new HashSet<string>();

    private static readonly DesiredObject Page = Desired("index.html", "<h1>hi</h1>");

    private static RemoteObject Listed(DateTimeOffset? modified) => Remote("index.html", "<h1>hi</h1>") with { LastModified = modified };

    private static BucketState StateWith(RemoteObject remote, DateTimeOffset? recorded, DateTimeOffset? manifestWritten = null) =>
        State([remote], [(Page.RelativeKey, EntryFor(Page, remote) with { LastModified = recorded })]) with { ManifestLastModified = manifestWritten };

    [Fact]
    public void Entry_whose_recorded_time_is_the_listed_one_is_trusted_without_HEAD()
    {
        var state = StateWith(Listed(Written.AddMinutes(-5)), Written.AddMinutes(-5), Written);

        Assert.Empty(Planner.KeysToProbe([Page], state));
        Assert.Empty(Plan([Page], state).Actions);
    }

    [Fact]
    public void Entry_whose_recorded_time_differs_from_the_listed_one_is_checked_with_HEAD()
    {
        var state = StateWith(Listed(Written.AddMinutes(7)), Written.AddMinutes(-5), Written);

        Assert.Equal(["index.html"], Planner.KeysToProbe([Page], state));
    }

    [Fact]
    public void Headers_changed_elsewhere_with_the_same_bytes_are_updated_after_the_HEAD()
    {
        var state = StateWith(Listed(Written.AddMinutes(7)), Written.AddMinutes(-5), Written);
        var probed = new Dictionary<string, Core.Headers.ObjectHeaders> { ["index.html"] = Page.Headers with { CacheControl = "max-age=999" } };

        var action = Assert.Single(Plan([Page], state, probed: probed).Actions);

        Assert.Equal((ActionKind.UpdateHeaders, ActionReason.Headers), (action.Kind, action.Reason));
    }

    [Fact]
    public void Entry_without_a_time_is_trusted_only_while_the_object_is_older_than_the_manifest()
    {
        Assert.Empty(Planner.KeysToProbe([Page], StateWith(Listed(Written.AddSeconds(-1)), null, Written)));
        Assert.Equal(["index.html"], Planner.KeysToProbe([Page], StateWith(Listed(Written), null, Written)));
        Assert.Equal(["index.html"], Planner.KeysToProbe([Page], StateWith(Listed(Written.AddSeconds(1)), null, Written)));
    }

    [Fact]
    public void Old_manifest_without_times_behaves_as_before_when_the_manifest_time_is_unknown()
    {
        Assert.Empty(Planner.KeysToProbe([Page], StateWith(Listed(Written.AddDays(1)), null)));
    }

    [Fact]
    public void Server_that_lists_no_time_behaves_as_before()
    {
        Assert.Empty(Planner.KeysToProbe([Page], StateWith(Listed(null), Written.AddDays(-1), Written)));
    }

    [Fact]
    public void Old_manifest_json_without_lastModified_still_reads()
    {
        var json = """{"version":1,"objects":{"index.html":{"md5":"d41d8cd98f00b204e9800998ecf8427e","size":0,"eTag":"d41d8cd98f00b204e9800998ecf8427e","headers":"00"}}}""";

        var entry = DeployManifest.FromJson(Encoding.UTF8.GetBytes(json))?.Find("index.html");

        Assert.NotNull(entry);
        Assert.Null(entry.LastModified);
    }

    [Fact]
    public void Recorded_time_round_trips_through_the_manifest_json()
    {
        var manifest = new DeployManifest(new Dictionary<string, ManifestEntry> { ["a"] = new("m", 1, "e", "h", Written) });

        Assert.Equal(Written, DeployManifest.FromJson(manifest.ToJson("t", Written))?.Find("a")?.LastModified);
    }

    [Fact]
    public void Unchanged_entry_keeps_its_time_so_a_no_op_deploy_needs_no_manifest_write()
    {
        var state = StateWith(Listed(Written.AddSeconds(-3)), null, Written);
        var plan = Plan([Page], state);

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), NothingDeleted);

        Assert.True(manifest.SameAs(state.Manifest));
    }

    [Fact]
    public void Object_learned_by_HEAD_is_recorded_with_its_listed_time()
    {
        var listed = Listed(Written.AddMinutes(7));
        var state = StateWith(listed, Written.AddMinutes(-5), Written);
        var plan = Plan([Page], state, probed: new Dictionary<string, Core.Headers.ObjectHeaders> { ["index.html"] = Page.Headers });

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), NothingDeleted);

        Assert.Empty(plan.Actions);
        Assert.Equal(listed.LastModified, manifest.Find("index.html")?.LastModified);
    }

    [Fact]
    public void Manifest_written_anyway_records_listed_times_but_none_for_objects_written_now()
    {
        var css = Desired("a.css", "a{}");
        var listed = Listed(Written.AddSeconds(-3));
        var state = StateWith(listed, null, Written);
        var plan = Plan([Page, css], state);

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject> { ["a.css"] = new(Md5Of("a{}"), 3) }, NothingDeleted);

        Assert.Equal(listed.LastModified, manifest.Find("index.html")?.LastModified);
        Assert.Null(manifest.Find("a.css")?.LastModified);
    }
}

public class S3TimesTests
{
    private static readonly DateTimeOffset Instant = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_kind_of_sdk_time_and_the_copy_result_text_give_the_same_instant()
    {
        Assert.Equal(Instant, Core.Remote.S3Times.From(Instant.UtcDateTime));
        Assert.Equal(Instant, Core.Remote.S3Times.From(Instant.UtcDateTime.ToLocalTime()));
        Assert.Equal(Instant, Core.Remote.S3Times.From(DateTime.SpecifyKind(Instant.UtcDateTime, DateTimeKind.Unspecified)));
        Assert.Equal(Instant, Core.Remote.S3Times.From("2026-11-01T12:00:00.000Z"));
        Assert.Null(Core.Remote.S3Times.From("not a time"));
        Assert.Null(Core.Remote.S3Times.From((DateTime?)null));
    }
}
