using S3Deploy.Core.Diagnostics;
using S3Deploy.IntegrationTests.Infrastructure;
using S3Deploy.TestSupport;

namespace S3Deploy.IntegrationTests;

/// <summary>A deploy reads the kept release records as streams of content ids; what it prunes follows from them.</summary>
public sealed class ReleaseRecordReadTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task Store_bytes_only_a_dropped_release_needed_are_pruned(Emulator emulator)
    {
        var (c, firstBytes) = await ThreeReleasesAsync(emulator);

        var deployC = await DeployAsync(Options(c) with { KeepReleases = 2 });

        // C keeps B (the survivor, read from its record): B's app.js bytes are kept, A's (only A needed them) pruned.
        Assert.Equal([firstBytes], deployC.Plan.History.PruneObjects);
        Assert.Single(deployC.Plan.History.Preserve);
        Assert.DoesNotContain(deployC.Warnings, w => w.Code == DiagnosticCode.HistoryIncomplete);
        Assert.DoesNotContain(HistoryObject(firstBytes), (await Bucket.ListAsync(".s3deploy/objects/")).Keys);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_kept_record_of_another_release_warns_and_prunes_nothing_from_the_store(Emulator emulator)
    {
        var (c, firstBytes) = await ThreeReleasesAsync(emulator);
        var live = (await Bucket.ListAsync(".s3deploy/releases/")).Keys.Order(StringComparer.Ordinal).Last();
        await Bucket.PutAsync(live, """{"version":1,"id":"20200101-000000-000","objects":{},"headers":{}}""", "application/json");

        var deployC = await DeployAsync(Options(c) with { KeepReleases = 2 });

        Assert.Contains(deployC.Warnings, w => w.Code == DiagnosticCode.HistoryIncomplete);
        Assert.Empty(deployC.Plan.History.PruneObjects);
        Assert.Contains(HistoryObject(firstBytes), (await Bucket.ListAsync(".s3deploy/objects/")).Keys);
    }

    /// <summary>Releases A and B (B overwrote app.js, so A's bytes are in the store), and the site of a third, C.</summary>
    private async Task<(TempSite C, string FirstBytes)> ThreeReleasesAsync(Emulator emulator)
    {
        await UseAsync(emulator);
        await DeployAsync(Options(Site(("app.js", "a()"))) with { KeepReleases = 2 });
        var deployB = await DeployAsync(Options(Site(("app.js", "b()"))) with { KeepReleases = 2 });
        return (Site(("app.js", "c()")), Assert.Single(deployB.Plan.History.Preserve).Hash);
    }

    private static string HistoryObject(string hash) => $".s3deploy/objects/{hash}";
}
