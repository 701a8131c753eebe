using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class KeyAndPrefixTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task Prefix_site_leaves_site2_untouched(Emulator emulator)
    {
        await UseAsync(emulator);
        await Bucket.PutAsync("site2/keep.html", "<p>other site</p>");
        await Bucket.PutAsync("site-old.txt", "sibling object");
        var site = Site(("index.html", "<h1>site</h1>"));

        var result = await DeployAsync(site, prefix: "site");

        Assert.Equal(["upload:new:index.html"], Describe(result));
        var keys = (await Bucket.ListAsync()).Keys.Order(StringComparer.Ordinal).ToArray();
        // The release history stays under the prefix too.
        Assert.Single(keys, k => k.StartsWith("site/.s3deploy/releases/", StringComparison.Ordinal));
        Assert.Equal(["site-old.txt", "site/.s3deploy/manifest.json", "site/index.html", "site2/keep.html"], keys.Where(k => !k.StartsWith("site/.s3deploy/releases/", StringComparison.Ordinal)));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Prefix_deploy_deletes_only_inside_its_prefix(Emulator emulator)
    {
        await UseAsync(emulator);
        await Bucket.PutAsync("site2/keep.html", "<p>other site</p>");
        var site = Site(("index.html", "<h1>site</h1>"), ("gone.html", "<p>gone</p>"));
        await DeployAsync(site, prefix: "site");
        site.Delete("gone.html");

        var result = await DeployAsync(site, prefix: "site");

        Assert.Equal(["delete:stale:gone.html"], Describe(result));
        Assert.Contains("site2/keep.html", (await Bucket.ListAsync()).Keys);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Keys_with_spaces_plus_percent_hash_and_non_ascii_round_trip(Emulator emulator)
    {
        await UseAsync(emulator);
        var names = new[] { "release notes.html", "a+b.txt", "100%.txt", "c#.txt", "café/menü.html", "日本語.txt", "sp ace/x y.css" };
        var site = Site(names.Select(n => (n, $"content of {n}")).ToArray());

        var first = await DeployAsync(site, prefix: "we ird");
        var second = await DeployAsync(site, prefix: "we ird");

        Assert.Equal(names.Length, first.Uploaded);
        Assert.Empty(second.Actions);
        await AssertBucketMatchesAsync(site, "we ird");
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Decomposed_file_names_become_composed_keys(Emulator emulator)
    {
        await UseAsync(emulator);
        var decomposed = "cafe\u0301.html";
        var site = Site((decomposed, "<p>menu</p>"));

        await DeployAsync(site);

        Assert.Contains("caf\u00e9.html", (await Bucket.ListAsync()).Keys);
    }
}
