using System.Text.Json;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Releases;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;
using static S3Deploy.Tests.Releases.HistoryShapes;

namespace S3Deploy.Tests.Releases;

/// <summary>Versioned buckets: which old bytes still need the store, where unchanged keys' version ids come from, how a rollback restores.</summary>
public sealed class VersionedHistoryTests
{
    private static readonly ReleaseHeaders Plain = new("text/plain", null, null, null, null, null, null, null, null);

    [Fact]
    public void On_a_versioned_bucket_bytes_that_kept_releases_recorded_with_version_ids_are_not_copied()
    {
        var live = Map(("a", "h1"), ("b", "h2"));
        var history = new ReleaseHistory(["r1"], [Record("r1", ("a", "h1", "v1"), ("b", "h2", "v2"))], Store());

        var plan = HistoryPlanner.Plan(Actions(live, Map(("a", "h3"))), ["h3"], State(live), history, 5, "r2", versioned: true);

        Assert.True(plan.Versioned);
        Assert.Empty(plan.Preserve);
    }

    [Fact]
    public void On_a_versioned_bucket_bytes_a_release_recorded_without_version_ids_still_go_to_the_store()
    {
        var live = Map(("a", "h1"), ("b", "h2"));
        // r1 was recorded before versioning was turned on; r2 after, except for 'b', whose version S3 did not say.
        var history = new ReleaseHistory(["r2", "r1"], [Record("r2", ("a", "h1", "v1"), ("b", "h2", null)), Record("r1", ("a", "h1", null))], Store());

        var plan = HistoryPlanner.Plan(Actions(live, Map(("a", "h3"), ("b", "h4"))), ["h3", "h4"], State(live), history, 5, "r3", versioned: true);

        Assert.Equal(["h1", "h2"], plan.Preserve.Select(p => p.Hash).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unchanged_keys_take_the_live_releases_version_id_only_for_the_same_content()
    {
        var live = Record("r1", ("same", "h1", "v1"), ("rewritten", "h2", "v2"), ("unknown", "h3", null));
        var desired = new[] { Desired("same", "h1"), Desired("rewritten", "h9"), Desired("unknown", "h3"), Desired("written", "h4") };
        var plan = new DeployPlan(desired, [new PlannedAction("written", ActionKind.Upload, ActionReason.New, Phase.Assets, desired[3])], State([]));

        var (known, missing) = VersionCarry.FromLive(plan, live);

        Assert.Equal(new Dictionary<string, string> { ["same"] = "v1" }, known);
        Assert.Equal(["rewritten", "unknown"], missing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_release_records_the_version_S3_answered_for_written_keys_and_the_planned_one_for_the_rest()
    {
        var desired = new[] { Desired("new", "h1"), Desired("kept", "h2") };
        var plan = new DeployPlan(desired, [new PlannedAction("new", ActionKind.Upload, ActionReason.New, Phase.Assets, desired[0])], State([]))
        {
            History = new HistoryPlan("r2", [], [], []) { Versioned = true, Versions = new Dictionary<string, string> { ["kept"] = "null" } },
        };
        var written = new Dictionary<string, StoredObject> { ["new"] = new("e1", 1, VersionId: "v7") };

        var record = ReleaseBuilder.Build(plan, new DeployManifest(new Dictionary<string, ManifestEntry>()), written, "test", DateTimeOffset.UnixEpoch);

        Assert.Equal("v7", record.Objects["new"].VersionId);
        Assert.Equal("null", record.Objects["kept"].VersionId);
    }

    [Fact]
    public void A_rollback_copies_from_the_recorded_version_when_neither_the_store_nor_a_live_key_has_the_bytes()
    {
        var release = Record("r1", ("a", "h1", "v1"), ("b", "h2", "v2"), ("c", "h3", null));
        var live = Map(("a", "h9"), ("c", "h8"));

        var plan = RollbackPlanner.Plan(release, State(live), Store("h2", "h3"));

        var restores = plan.Actions.ToDictionary(a => a.RelativeKey);
        Assert.Equal(("a", "v1"), (restores["a"].RestoreFrom, restores["a"].RestoreVersionId));
        Assert.Equal((HistoryKeys.Object("h2"), null), (restores["b"].RestoreFrom, restores["b"].RestoreVersionId));
        Assert.Equal((HistoryKeys.Object("h3"), null), (restores["c"].RestoreFrom, restores["c"].RestoreVersionId));
    }

    [Fact]
    public void A_rollback_to_bytes_with_no_version_no_store_copy_and_no_live_key_is_refused()
    {
        var release = Record("r1", ("a", "h1", null));

        var e = Assert.Throws<DeployException>(() => RollbackPlanner.Plan(release, State(Map(("a", "h9"))), Store()));

        Assert.Equal(DiagnosticCode.ReleaseBytesGone, e.Code);
    }

    [Fact]
    public void A_record_without_version_ids_reads_and_writes_none()
    {
        var old = """{"version":1,"id":"r1","time":"2026-01-01T00:00:00+00:00","tool":"t","counts":{"objects":1,"uploaded":1,"headersUpdated":0,"deleted":0,"preserved":0},"objects":{"a":{"hash":"h1","size":1,"headers":"fp"}},"headers":{}}""";

        var record = JsonSerializer.Deserialize(old, ReleaseJson.Default.ReleaseRecord)!;
        var versioned = record with { Objects = new() { ["a"] = record.Objects["a"] with { VersionId = "v1" } } };

        Assert.Null(record.Objects["a"].VersionId);
        Assert.DoesNotContain("versionId", JsonSerializer.Serialize(record, ReleaseJson.Default.ReleaseRecord), StringComparison.Ordinal);
        Assert.Contains("\"versionId\":\"v1\"", JsonSerializer.Serialize(versioned, ReleaseJson.Default.ReleaseRecord), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Map(params (string Key, string Hash)[] objects) => objects.ToDictionary(o => o.Key, o => o.Hash, StringComparer.Ordinal);

    private static HashSet<string> Store(params string[] hashes) => new(hashes, StringComparer.Ordinal);

    private static DesiredObject Desired(string key, string hash) => new(new LocalFile(key, "", 1, hash), Plain.ToHeaders(), false);

    private static ReleaseRecord Record(string id, params (string Key, string Hash, string? Version)[] objects) => new(
        ReleaseRecord.CurrentVersion, id, DateTimeOffset.UnixEpoch, "test", null, null, null, new ReleaseCounts(objects.Length, 0, 0, 0, 0),
        objects.ToDictionary(o => o.Key, o => new ReleaseObject(o.Hash, 1, "fp", VersionId: o.Version), StringComparer.Ordinal),
        new() { ["fp"] = Plain });
}
