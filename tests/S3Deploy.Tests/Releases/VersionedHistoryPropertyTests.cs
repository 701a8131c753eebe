using S3Deploy.Core.Planning;
using S3Deploy.Core.Releases;
using S3Deploy.Core.Remote;
using static S3Deploy.Tests.Releases.HistoryShapes;

namespace S3Deploy.Tests.Releases;

/// <summary>
/// Random release sequences on a bucket whose versioning is turned on part way: releases recorded before have no version
/// ids, and after it some keys may still lack one (a server that did not say, a listing denied). After every step each
/// kept release's bytes are live, in the store, or in a version it recorded; once every kept entry has a version id,
/// nothing is copied.
/// </summary>
public sealed class VersionedHistoryPropertyTests
{
    private static readonly string[] Keys = ["a", "b", "c", "d"];
    private static readonly string[] Hashes = ["h1", "h2", "h3", "h4", "h5"];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_kept_release_stays_restorable_across_turning_versioning_on(int keep)
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var versionedFrom = random.Next(6);
            var live = new Dictionary<string, string>(StringComparer.Ordinal);
            var store = new HashSet<string>(StringComparer.Ordinal);
            var releases = new List<ReleaseRecord>();
            for (var step = 0; step < 12; step++)
            {
                var versioned = step >= versionedFrom;
                var desired = Keys.Where(_ => random.Next(3) > 0).ToDictionary(k => k, _ => Hashes[random.Next(Hashes.Length)], StringComparer.Ordinal);
                var actions = Actions(live, desired);
                var history = new ReleaseHistory([.. releases.Select(r => r.Id)], [.. releases.Take(keep - 1)], store.ToHashSet(StringComparer.Ordinal));
                var plan = HistoryPlanner.Plan(actions, desired.Values, State(live), history, keep, $"r{step:D3}", versioned: versioned);

                var allVersioned = releases.Take(keep - 1).All(r => r.Objects.Values.All(o => o.VersionId is not null));
                Assert.True(!versioned || !allVersioned || plan.Preserve.Count == 0, $"seed {seed} step {step}: copies although every kept entry has a version id");
                store.UnionWith(plan.Preserve.Select(p => p.Hash));
                live = desired;
                if (plan.WritesRelease)
                {
                    releases.Insert(0, Record(plan.ReleaseId!, desired, versioned, random));
                    releases.RemoveAll(r => plan.PruneReleases.Contains(r.Id));
                    store.ExceptWith(plan.PruneObjects);
                }

                foreach (var release in releases)
                {
                    foreach (var (key, o) in release.Objects)
                    {
                        Assert.True(o.VersionId is not null || live.GetValueOrDefault(key) == o.Hash || store.Contains(o.Hash), $"seed {seed} step {step}: release {release.Id} lost {key}={o.Hash}");
                    }
                }
            }
        }
    }

    /// <summary>On a versioned bucket most keys get a version id; one in five does not (S3 did not say, or the listing was denied).</summary>
    private static ReleaseRecord Record(string id, Dictionary<string, string> objects, bool versioned, Random random) => new(
        ReleaseRecord.CurrentVersion, id, DateTimeOffset.UnixEpoch, "test", null, null, null, new ReleaseCounts(objects.Count, 0, 0, 0, 0),
        objects.ToDictionary(o => o.Key, o => new ReleaseObject(o.Value, 1, "fp", VersionId: versioned && random.Next(5) > 0 ? $"{id}-{o.Key}" : null), StringComparer.Ordinal),
        []);
}
