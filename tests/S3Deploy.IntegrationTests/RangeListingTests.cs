using S3Deploy.Core.Remote;
using S3Deploy.IntegrationTests.Infrastructure;
using S3Deploy.TestSupport;

namespace S3Deploy.IntegrationTests;

/// <summary>
/// A large prefix is listed in key ranges side by side; the union must be exactly what one listing page after page gives,
/// whatever sits at the boundaries: keys equal to them, remote-only keys just before and after, non-ASCII and emoji keys.
/// </summary>
public sealed class RangeListingTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task Ranges_list_exactly_what_a_sequential_listing_does(Emulator emulator)
    {
        await UseAsync(emulator);
        var (site, ranges, stale) = await DeployedLargeSiteAsync("site");
        var target = new S3Target(Bucket.Name, "site");
        using var s3 = Server.Client();

        var ranged = new BucketLister(s3, target, ranges);
        var inRanges = await ranged.ListAsync(CancellationToken.None);
        var sequential = await new BucketLister(s3, target, [KeyRange.All]).ListAsync(CancellationToken.None);

        Assert.Equal(Describe(sequential), Describe(inRanges));
        if (emulator == Emulator.Moto)
        {
            // moto lists as S3 does. s3rver 3.7.1 walks its folders in readdir order (tests/bench/s3server.js): page after
            // page it misses '\U0001F600.html' beside the folder '\U0001F600/', so there only the equality above holds.
            var history = inRanges.Keys.Where(k => k.StartsWith(".s3deploy/releases/", StringComparison.Ordinal) || k.StartsWith(".s3deploy/objects/", StringComparison.Ordinal));
            Assert.Equal(site.Keys().Concat(stale).Append(DeployManifest.RelativeKey).Order(StringComparer.Ordinal), inRanges.Keys.Except(history).Order(StringComparer.Ordinal));
            Assert.True(ranged.ListedInRanges);
        }
    }

    [Theory]
    [OnS3rver(Skip = "s3rver 3.7.1 lists in readdir order and misses a key beside a folder of the same stem even page after page (tests/bench/s3server.js); the test above shows ranges list what pages do there")]
    [OnMoto]
    public async Task A_large_site_redeploys_as_a_no_op_that_deletes_exactly_the_stale_keys_at_the_boundaries(Emulator emulator)
    {
        await UseAsync(emulator);
        var (site, _, stale) = await DeployedLargeSiteAsync("");

        var redeploy = await DeployAsync(site);

        Assert.Equal(stale.Select(k => $"delete:stale:{k}").Order(StringComparer.Ordinal), Describe(redeploy));
        Assert.Empty((await DeployAsync(site)).Actions);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_file_listed_after_the_folder_of_its_stem_is_not_lost_between_two_ranges(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        for (var i = 0; i < 1320; i++)
        {
            site.Write($"a/f{i:D4}.js", "a");
        }

        // S3 orders 'd/viewModel.js' before 'd/viewModel/…'; s3rver lists it after them, past a boundary inside the folder.
        site.Write("d/viewModel.js", "the file");
        for (var i = 0; i < 40; i++)
        {
            site.Write($"d/viewModel/x{i:D2}.js", "x");
        }

        for (var i = 0; i < 649; i++)
        {
            site.Write($"z/f{i:D3}.js", "z");
        }

        Assert.Contains(ListingRanges.Split(site.Keys(), new S3Target(Bucket.Name, ""), 16), r => r.Through == "d/viewModel/x19.js");
        await DeployAsync(site);

        var again = await DeployAsync(site);

        Assert.Empty(Describe(again));
    }

    /// <summary>About 2,400 files deployed, then a remote-only object beside each range boundary that the next deploy must find.</summary>
    private async Task<(TempSite Site, IReadOnlyList<KeyRange> Ranges, List<string> Stale)> DeployedLargeSiteAsync(string prefix)
    {
        var site = Own(new TempSite());
        for (var i = 0; i < 2400; i++)
        {
            site.Write($"{Folder(i)}/p{i:D4}.html", $"<p>{i}</p>");
        }

        foreach (var name in new[] { "\U0001F600.html", "\uFF01.html", "\U0001F600/\uFF01.txt", "\uFF01/\U0001F600.txt", "\u00e9t\u00e9.html" })
        {
            site.Write(name, name);
        }

        var result = await DeployAsync(site, prefix);
        Assert.Equal(2405, result.Uploaded);

        var target = new S3Target(Bucket.Name, prefix);
        var ranges = ListingRanges.Split(site.Keys(), target, 16);
        Assert.True(ranges.Count >= 3, $"{ranges.Count} ranges");
        var stale = new List<string>();
        foreach (var boundary in ranges.Select(r => r.Through).OfType<string>().Select(target.RelativeKey))
        {
            stale.AddRange([boundary[..^1], boundary + "0", boundary + "\U0001F600", boundary + "/x", boundary]);
        }

        // A boundary is a local key or, cut before an emoji, a key ending in U+D7FF that only the bucket has.
        stale.RemoveAll(k => k.Length == 0 || File.Exists(site.FullPath(k)));

        foreach (var key in stale)
        {
            await Bucket.PutAsync(target.KeyFor(key), "stale");
        }

        return (site, ranges, stale);
    }

    /// <summary>Folders whose names sort differently by bytes, by UTF-16 and by readdir: 'a', 'a-b', 'caf\u00e9', an emoji, a fullwidth letter.</summary>
    private static string Folder(int i) => (i % 5) switch
    {
        0 => "a",
        1 => "a-b",
        2 => "caf\u00e9",
        3 => "\U0001F600",
        _ => "\uFF41",
    };

    private static string[] Describe(Dictionary<string, RemoteObject> objects) =>
        objects.Values.Select(o => $"{o.RelativeKey} {o.Size} {o.ETag}").Order(StringComparer.Ordinal).ToArray();
}
