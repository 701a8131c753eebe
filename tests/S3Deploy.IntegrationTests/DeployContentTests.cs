using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class DeployContentTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task First_deploy_uploads_every_file_byte_for_byte(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(TempSite.CopyOf(RepoPaths.SampleSite));

        var result = await DeployAsync(site);

        Assert.Equal(site.Keys().Count, result.Uploaded);
        Assert.All(result.Actions, a => Assert.Equal("new", a.ReasonName));
        Assert.Equal(site.Keys().Sum(k => new FileInfo(site.FullPath(k)).Length), result.BytesUploaded);
        await AssertBucketMatchesAsync(site);
        var index = await Bucket.HeadAsync("index.html");
        Assert.Equal("text/html; charset=utf-8", index.Headers.ContentType);
        Assert.Equal("application/wasm", (await Bucket.HeadAsync("wasm/add.wasm")).Headers.ContentType);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Second_deploy_uploads_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(TempSite.CopyOf(RepoPaths.SampleSite));
        await DeployAsync(site);

        var again = await DeployAsync(site);

        Assert.Empty(again.Actions);
        Assert.Equal(site.Keys().Count, again.Unchanged);
        Assert.Equal(0, again.BytesUploaded);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Fresh_checkout_with_new_mtimes_uploads_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(TempSite.CopyOf(RepoPaths.SampleSite));
        await DeployAsync(site);
        foreach (var key in site.Keys())
        {
            File.SetLastWriteTimeUtc(site.FullPath(key), DateTime.UtcNow.AddDays(1));
        }

        var fresh = Own(TempSite.CopyOf(site.Path));
        var touched = await DeployAsync(site);
        var cloned = await DeployAsync(fresh);

        Assert.Empty(touched.Actions);
        Assert.Empty(cloned.Actions);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task One_changed_file_gives_exactly_one_upload(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.js", "console.log(1)"), ("style.css", "body{}"));
        await DeployAsync(site);
        site.Write("app.js", "console.log(2)");

        var result = await DeployAsync(site);

        Assert.Equal(["upload:content:app.js"], Describe(result));
        Assert.Equal("console.log(2)", System.Text.Encoding.UTF8.GetString(await Bucket.GetAsync("app.js")));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Same_size_different_bytes_is_uploaded(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("a.txt", "aaaa"));
        await DeployAsync(site);
        site.Write("a.txt", "bbbb");

        var result = await DeployAsync(site);

        Assert.Equal(["upload:content:a.txt"], Describe(result));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Removed_file_gives_one_delete_after_the_uploads(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"), ("old.html", "<h1>old</h1>"), ("a.css", "a{}"));
        await DeployAsync(site);
        site.Delete("old.html");
        site.Write("new.css", "b{}");

        var result = await DeployAsync(site);

        Assert.Equal(["delete:stale:old.html", "upload:new:new.css"], Describe(result));
        Assert.Equal("delete", result.Actions[^1].KindName);
        await AssertBucketMatchesAsync(site);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Two_thousand_five_hundred_files_diff_correctly_across_listing_pages(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Own(new TempSite());
        for (var i = 0; i < 2500; i++)
        {
            site.Write($"p/{i / 100:D2}/f{i:D4}.txt", $"file {i}");
        }

        var first = await DeployAsync(site);
        site.Write("p/24/f2499.txt", "changed");
        site.Delete("p/00/f0000.txt");
        var second = await DeployAsync(site);

        Assert.Equal(2500, first.Uploaded);
        Assert.Equal(["delete:stale:p/00/f0000.txt", "upload:content:p/24/f2499.txt"], Describe(second));
        Assert.Equal(2498, second.Unchanged);
        Assert.Equal(2499, (await Bucket.ListAsync("p/")).Count);
    }
}
