using S3Deploy.Core.Planning;
using S3Deploy.Core.Releases;
using S3Deploy.Core.Remote;
using static S3Deploy.Tests.Releases.HistoryShapes;

namespace S3Deploy.Tests.Releases;

/// <summary>
/// Random release sequences (deploys and rollbacks, with overlapping changes) against a model bucket: after every step,
/// each kept release's bytes are live at their key or in the store, and a step that changes k objects keeps at most k copies.
/// </summary>
public sealed class HistoryPlannerPropertyTests
{
    private static readonly string[] Keys = ["a", "b", "c", "d", "e"];
    private static readonly string[] Hashes = ["h1", "h2", "h3", "h4", "h5", "h6"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Pruning_never_removes_bytes_a_kept_release_needs(int keep)
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var live = new Dictionary<string, string>(StringComparer.Ordinal);
            var store = new HashSet<string>(StringComparer.Ordinal);
            var releases = new List<ReleaseRecord>();
            for (var step = 0; step < 12; step++)
            {
                var desired = releases.Count > 1 && random.Next(4) == 0
                    ? new Dictionary<string, string>(releases[random.Next(releases.Count)].Objects.ToDictionary(o => o.Key, o => o.Value.Hash), StringComparer.Ordinal)
                    : Keys.Where(_ => random.Next(3) > 0).ToDictionary(k => k, _ => Hashes[random.Next(Hashes.Length)], StringComparer.Ordinal);
                var actions = Actions(live, desired);
                var history = new ReleaseHistory([.. releases.Select(r => r.Id)], [.. releases.Take(keep - 1)], store.ToHashSet(StringComparer.Ordinal));
                var plan = HistoryPlanner.Plan(actions, desired.Values, State(live), history, keep, $"r{step:D3}");

                Assert.True(plan.Preserve.Count <= actions.Count(a => a.Kind != ActionKind.UpdateHeaders), $"seed {seed} step {step}: more copies than changes");
                foreach (var copy in plan.Preserve)
                {
                    Assert.Equal(live[copy.RelativeKey], copy.Hash);
                    store.Add(copy.Hash);
                }

                live = desired;
                if (plan.WritesRelease)
                {
                    releases.Insert(0, Record(plan.ReleaseId!, desired));
                    releases.RemoveAll(r => plan.PruneReleases.Contains(r.Id));
                    store.ExceptWith(plan.PruneObjects);
                }

                Assert.True(releases.Count <= keep, $"seed {seed} step {step}: {releases.Count} releases kept");
                foreach (var release in releases)
                {
                    foreach (var (key, o) in release.Objects)
                    {
                        Assert.True(live.GetValueOrDefault(key) == o.Hash || store.Contains(o.Hash), $"seed {seed} step {step}: release {release.Id} lost {key}={o.Hash}");
                    }
                }
            }
        }
    }

    [Fact]
    public void An_unchanged_deploy_keeps_nothing_and_records_no_release()
    {
        var live = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "h1" };
        var history = new ReleaseHistory(["r1"], [Record("r1", live)], new HashSet<string>(StringComparer.Ordinal));

        var plan = HistoryPlanner.Plan([], live.Values, State(live), history, 5, "r2");

        Assert.False(plan.WritesRelease);
        Assert.Empty(plan.Preserve);
        Assert.Equal("r1", plan.Previous);
    }

    [Fact]
    public void A_release_a_killed_run_left_unrecorded_is_recorded_though_nothing_changes()
    {
        var live = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "h1" };
        var history = new ReleaseHistory(["r1"], [], new HashSet<string>(StringComparer.Ordinal));

        var plan = HistoryPlanner.Plan([], live.Values, State(live), history, 5, "r2", unrecorded: true);

        Assert.Equal("r2", plan.ReleaseId);
        Assert.Empty(plan.Preserve);
        Assert.Empty(plan.PruneObjects);
    }

    [Fact]
    public void Overwritten_bytes_are_kept_once_per_distinct_content()
    {
        var live = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "h1", ["b"] = "h1", ["c"] = "h2" };
        var history = new ReleaseHistory(["r1"], [Record("r1", live)], new HashSet<string>(StringComparer.Ordinal));
        var desired = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "h3", ["b"] = "h3", ["c"] = "h2" };

        var plan = HistoryPlanner.Plan(Actions(live, desired), desired.Values, State(live), history, 5, "r2");

        Assert.Equal(["h1"], plan.Preserve.Select(p => p.Hash));
    }

    private static ReleaseRecord Record(string id, Dictionary<string, string> objects) => new(
        ReleaseRecord.CurrentVersion, id, DateTimeOffset.UnixEpoch, "test", null, null, null, new ReleaseCounts(objects.Count, 0, 0, 0, 0),
        objects.ToDictionary(o => o.Key, o => new ReleaseObject(o.Value, 1, "fp"), StringComparer.Ordinal),
        []);
}
