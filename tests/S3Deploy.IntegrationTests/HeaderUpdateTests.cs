using S3Deploy.Core.Headers;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class HeaderUpdateTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task Changed_header_is_applied_in_place_without_resending_bytes(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"), ("app.js", "run()"));
        await DeployAsync(site);
        var before = await Bucket.ListAsync();

        var result = await DeployAsync(Options(site) with { Headers = new HeaderSettings { CacheControl = "no-cache" } });

        Assert.Equal(["update-headers:headers:app.js", "update-headers:headers:index.html"], Describe(result));
        Assert.Equal(0, result.BytesUploaded);
        Assert.Equal("no-cache", (await Bucket.HeadAsync("app.js")).Headers.CacheControl);
        Assert.Equal("text/javascript; charset=utf-8", (await Bucket.HeadAsync("app.js")).Headers.ContentType);
        Assert.Equal(before["app.js"], (await Bucket.ListAsync())["app.js"]);
        Assert.Equal("run()", System.Text.Encoding.UTF8.GetString(await Bucket.GetAsync("app.js")));
        Assert.Empty((await DeployAsync(Options(site) with { Headers = new HeaderSettings { CacheControl = "no-cache" } })).Actions);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Objects_put_by_another_tool_are_checked_with_head_not_reuploaded(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("a.txt", "same bytes"), ("b.txt", "also same"));
        await Bucket.PutAsync("a.txt", "same bytes", "text/plain; charset=utf-8");
        await Bucket.PutAsync("b.txt", "also same", "application/octet-stream");
        var options = Options(site) with { Headers = new HeaderSettings { CacheControl = null } };

        var result = await DeployAsync(options);

        // a.txt has the right type but no Cache-Control, b.txt the wrong type: both get a header update, neither a re-upload.
        Assert.Equal(["update-headers:headers:a.txt", "update-headers:headers:b.txt"], Describe(result));
        Assert.Equal("text/plain; charset=utf-8", (await Bucket.HeadAsync("b.txt")).Headers.ContentType);
        Assert.Empty((await DeployAsync(options)).Actions);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Bucket_without_manifest_whose_headers_already_match_needs_no_write_but_gets_a_manifest(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("a.txt", "hello"));
        await DeployAsync(site);
        using (var s3 = Server.Client())
        {
            await s3.DeleteObjectAsync(Bucket.Name, ".s3deploy/manifest.json");
        }

        var result = await DeployAsync(site);

        Assert.Empty(result.Actions);
        Assert.Contains(".s3deploy/manifest.json", (await Bucket.ListAsync()).Keys);
    }
}
