using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>--keep-stale: the planner, the manifest it leads to, and the manifest's stale records.</summary>
public class KeepStaleTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static readonly IReadOnlySet<string> NothingDeleted = new HashSet<string>();

    private static readonly IReadOnlyDictionary<string, StoredObject> NothingWritten = new Dictionary<string, StoredObject>();

    private static BucketState WithStale(BucketState state, params (string Key, DateTimeOffset Since)[] stale) =>
        state with { Manifest = state.Manifest with { Stale = stale.ToDictionary(s => s.Key, s => s.Since, StringComparer.Ordinal) } };

    private static DeployPlan PlanStale(
        IReadOnlyList<DesiredObject> desired,
        BucketState state,
        TimeSpan keepStale,
        bool delete = true,
        Func<string, bool>? isDeletable = null) =>
        Planner.Plan(desired, state, NoProbes, delete, isDeletable ?? (_ => true), keepStale, Now);

    private static List<string> Deletes(DeployPlan plan) =>
        plan.Actions.Where(a => a.Kind == ActionKind.Delete).Select(a => a.RelativeKey).ToList();

    [Fact]
    public void Without_keep_stale_every_stale_key_is_deleted()
    {
        var state = WithStale(State([Remote("a.css", "a"), Remote("b.css", "b"), Remote("keep.css", "k")]), ("b.css", Now.AddHours(-1)));

        var plan = PlanStale([Desired("keep.css", "k")], state, TimeSpan.Zero);

        Assert.Equal(["a.css", "b.css"], Deletes(plan));
        Assert.All(plan.Actions.Where(a => a.Kind == ActionKind.Delete), a => Assert.Equal((ActionReason.Stale, Phase.Deletes, (DesiredObject?)null), (a.Reason, a.Phase, a.Desired)));
        Assert.Empty(plan.KeptStale);
    }

    [Fact]
    public void Newly_stale_key_is_kept_and_recorded_as_stale_since_now()
    {
        var plan = PlanStale([Desired("index.html", "<p/>")], State([Remote("index.html", "<p/>"), Remote("old.js", "x")]), Day);

        Assert.Equal(["old.js"], plan.KeptStale);
        Assert.Equal(Now, plan.StaleSince["old.js"]);
        Assert.Single(plan.StaleSince);
        Assert.Empty(Deletes(plan));
        Assert.Equal(0, plan.Count(ActionKind.Delete));
    }

    [Fact]
    public void Key_stale_for_longer_than_keep_stale_is_deleted()
    {
        var since = Now.AddHours(-25);
        var state = WithStale(State([Remote("old.js", "x")]), ("old.js", since));

        var plan = PlanStale([], state, Day);

        Assert.Equal(["old.js"], Deletes(plan));
        Assert.Empty(plan.KeptStale);
        Assert.Equal(since, plan.StaleSince["old.js"]);
    }

    [Fact]
    public void Key_stale_for_exactly_keep_stale_is_deleted()
    {
        var state = WithStale(State([Remote("old.js", "x")]), ("old.js", Now - Day));

        Assert.Equal(["old.js"], Deletes(PlanStale([], state, Day)));
    }

    [Fact]
    public void Key_stale_for_less_than_keep_stale_is_kept_with_its_recorded_time()
    {
        var since = Now.AddHours(-1);
        var state = WithStale(State([Remote("old.js", "x")]), ("old.js", since));

        var plan = PlanStale([], state, Day);

        Assert.Empty(plan.Actions);
        Assert.Equal(["old.js"], plan.KeptStale);
        Assert.Equal(since, plan.StaleSince["old.js"]);
    }

    [Fact]
    public void Kept_and_deleted_keys_are_told_apart_in_one_plan()
    {
        var state = WithStale(
            State([Remote("fresh.js", "1"), Remote("recent.js", "2"), Remote("expired.js", "3")]),
            ("recent.js", Now.AddHours(-1)),
            ("expired.js", Now.AddDays(-2)));

        var plan = PlanStale([], state, Day);

        Assert.Equal(["expired.js"], Deletes(plan));
        Assert.Equal(["fresh.js", "recent.js"], plan.KeptStale);
        Assert.Equal(["expired.js", "fresh.js", "recent.js"], plan.StaleSince.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Stale_key_that_comes_back_into_the_source_leaves_stale_since()
    {
        var back = Desired("app.js", "v1");
        var state = WithStale(State([Remote("app.js", "v1"), Remote("other.js", "x")]), ("app.js", Now.AddHours(-3)), ("other.js", Now.AddHours(-3)));

        var plan = PlanStale([back], state, Day);

        Assert.False(plan.StaleSince.ContainsKey("app.js"));
        Assert.DoesNotContain("app.js", plan.KeptStale);
        Assert.DoesNotContain(plan.Actions, a => a.RelativeKey == "app.js" && a.Kind == ActionKind.Delete);
        Assert.Equal(["other.js"], plan.KeptStale);
    }

    [Fact]
    public void Excluded_and_folder_marker_keys_are_never_stale()
    {
        var state = WithStale(
            State([Remote("uploads/photo.jpg", "p"), Remote("docs/", ""), Remote("", ""), Remote("old.js", "x")]),
            ("uploads/photo.jpg", Now.AddDays(-9)),
            ("docs/", Now.AddDays(-9)));

        foreach (var keep in new[] { TimeSpan.Zero, Day })
        {
            var plan = PlanStale([], state, keep, isDeletable: k => !k.StartsWith("uploads/", StringComparison.Ordinal));

            Assert.Equal(["old.js"], plan.StaleSince.Keys);
            Assert.DoesNotContain(plan.Actions, a => a.RelativeKey != "old.js");
            Assert.DoesNotContain(plan.KeptStale, k => k != "old.js");
        }
    }

    [Fact]
    public void Without_delete_nothing_is_stale()
    {
        var state = WithStale(State([Remote("old.js", "x"), Remote("older.js", "y")]), ("older.js", Now.AddDays(-3)));

        var plan = PlanStale([], state, Day, delete: false);

        Assert.Empty(plan.StaleSince);
        Assert.Empty(plan.KeptStale);
        Assert.Empty(plan.Actions);
    }

    // Clock skew between runners: a record later than now must not keep a key when nothing is to be kept.
    [Fact]
    public void Without_keep_stale_a_key_recorded_stale_in_the_future_is_still_deleted()
    {
        var state = WithStale(State([Remote("old.js", "x")]), ("old.js", Now.AddMinutes(5)));

        Assert.Equal(["old.js"], Deletes(PlanStale([], state, TimeSpan.Zero)));
    }

    [Fact]
    public void Manifest_records_kept_keys_as_stale()
    {
        var recent = Now.AddHours(-1);
        var state = WithStale(State([Remote("fresh.js", "1"), Remote("recent.js", "2")]), ("recent.js", recent));
        var plan = PlanStale([], state, Day);

        var manifest = ManifestBuilder.Build(plan, NothingWritten, NothingDeleted);

        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["fresh.js"] = Now, ["recent.js"] = recent }, manifest.Stale);
    }

    [Fact]
    public void Manifest_drops_deleted_keys_and_keeps_planned_deletes_that_did_not_happen()
    {
        var old = Now.AddDays(-2);
        var state = WithStale(State([Remote("a.js", "1"), Remote("b.js", "2"), Remote("kept.js", "3")]), ("a.js", old), ("b.js", old));
        var plan = PlanStale([], state, Day);
        Assert.Equal(["a.js", "b.js"], Deletes(plan));

        // a.js was deleted; b.js was held back (say, the invalidation did not complete).
        var manifest = ManifestBuilder.Build(plan, NothingWritten, new HashSet<string> { "a.js" });

        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["b.js"] = old, ["kept.js"] = Now }, manifest.Stale);
    }

    [Fact]
    public void Manifest_without_keep_stale_records_only_deletes_that_did_not_happen()
    {
        var plan = PlanStale([], State([Remote("a.js", "1"), Remote("b.js", "2")]), TimeSpan.Zero);

        Assert.Empty(ManifestBuilder.Build(plan, NothingWritten, new HashSet<string> { "a.js", "b.js" }).Stale);
        Assert.Equal(["b.js"], ManifestBuilder.Build(plan, NothingWritten, new HashSet<string> { "a.js" }).Stale.Keys);
    }

    [Fact]
    public void Manifest_forgets_a_stale_key_that_came_back()
    {
        var back = Desired("app.js", "v1");
        var remote = Remote("app.js", "v1");
        var state = WithStale(State([remote], [("app.js", EntryFor(back, remote))]), ("app.js", Now.AddHours(-3)));
        var plan = PlanStale([back], state, Day);

        var manifest = ManifestBuilder.Build(plan, NothingWritten, NothingDeleted);

        Assert.Empty(manifest.Stale);
        Assert.NotNull(manifest.Find("app.js"));
    }

    [Fact]
    public void Kept_stale_key_keeps_its_manifest_entry()
    {
        var gone = Desired("old.js", "x");
        var remote = Remote("old.js", "x");
        var entry = EntryFor(gone, remote);
        var plan = PlanStale([], State([remote], [("old.js", entry)]), Day);

        var manifest = ManifestBuilder.Build(plan, NothingWritten, NothingDeleted);

        Assert.Equal(entry, manifest.Find("old.js"));
        Assert.Equal(Now, manifest.Stale["old.js"]);
    }

    [Fact]
    public void Rebuilt_manifest_lets_the_next_deploy_delete_once_keep_stale_has_passed()
    {
        var first = PlanStale([], State([Remote("old.js", "x")]), Day);
        var json = ManifestBuilder.Build(first, NothingWritten, NothingDeleted).ToJson("test", Now);
        var next = new BucketState(first.Before.Objects, DeployManifest.FromJson(json)!, true);

        var soon = Planner.Plan([], next, NoProbes, true, _ => true, Day, Now.AddHours(23));
        var later = Planner.Plan([], next, NoProbes, true, _ => true, Day, Now.AddHours(24));

        Assert.Equal(["old.js"], soon.KeptStale);
        Assert.Empty(soon.Actions);
        Assert.Equal(["old.js"], Deletes(later));
        Assert.Equal(Now, later.StaleSince["old.js"]);
    }

    [Fact]
    public void Delete_false_gives_a_manifest_without_stale_records()
    {
        var plan = PlanStale([], State([Remote("old.js", "x")]), Day, delete: false);

        Assert.Empty(ManifestBuilder.Build(plan, NothingWritten, NothingDeleted).Stale);
    }
}
