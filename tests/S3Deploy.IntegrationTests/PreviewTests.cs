using S3Deploy.Core;
using S3Deploy.Core.Website;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

/// <summary>Pull-request previews live beside the site they preview, and neither deploy wipes out the other.</summary>
public sealed class PreviewTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task A_deploy_of_the_target_after_three_previews_deletes_none_of_them(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "v1"), ("old.css", "a{}"));
        await DeployAsync(site, "site");
        foreach (var name in new[] { "1", "2", "feature-x" })
        {
            var preview = Site(("index.html", $"preview {name}"), ("app.js", name));
            await DeployAsync(PreviewSite.For(Options(preview, "site"), name));
        }

        site.Delete("old.css");
        site.Write("index.html", "v2");
        var result = await DeployAsync(site, "site");

        Assert.Equal(["delete:stale:old.css", "upload:content:index.html"], Describe(result));
        var keys = (await Bucket.ListAsync("site/_previews/")).Keys.Where(k => !k.Contains("/.s3deploy/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["site/_previews/1/app.js", "site/_previews/1/index.html", "site/_previews/2/app.js", "site/_previews/2/index.html", "site/_previews/feature-x/app.js", "site/_previews/feature-x/index.html"],
            keys);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_preview_changes_nothing_outside_its_folder_and_names_its_url(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "home"), ("a.css", "a{}"));
        await DeployAsync(Options(site, "site") with { Website = new WebsiteSettings() });
        var before = await Bucket.ListAsync();
        var preview = Site(("index.html", "preview"));

        var result = await DeployAsync(PreviewSite.For(Options(preview, "site") with { Website = new WebsiteSettings { Error = "404.html" } }, "42"));

        Assert.Equal(["upload:new:index.html"], Describe(result));
        Assert.Null(result.Plan.Website);
        Assert.Equal($"{Server.Endpoint}/{Bucket.Name}/site/_previews/42/", result.PreviewUrl);
        var after = await Bucket.ListAsync();
        Assert.Equal(before, after.Where(o => !o.Key.StartsWith("site/_previews/42/", StringComparison.Ordinal)).ToDictionary());
        Assert.Equal("preview"u8.ToArray(), await Bucket.GetAsync("site/_previews/42/index.html"));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_deploy_of_a_preview_again_deletes_what_left_the_preview_only(Emulator emulator)
    {
        await UseAsync(emulator);
        await DeployAsync(Site(("index.html", "home"), ("gone.txt", "root")), "site");
        var preview = Site(("index.html", "p1"), ("gone.txt", "preview"));
        await DeployAsync(PreviewSite.For(Options(preview, "site"), "7"));
        preview.Delete("gone.txt");

        var result = await DeployAsync(PreviewSite.For(Options(preview, "site"), "7"));

        Assert.Equal(["delete:stale:gone.txt"], Describe(result));
        Assert.Contains("site/gone.txt", (await Bucket.ListAsync()).Keys);
    }
}
