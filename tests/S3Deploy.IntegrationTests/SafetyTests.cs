using S3Deploy.Core.Diagnostics;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class SafetyTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task Empty_source_is_refused_and_the_bucket_is_untouched(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"), ("a.css", "a{}"));
        await DeployAsync(site);
        var before = await Bucket.ListAsync();
        var empty = Own(new TempSite());

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(empty));

        Assert.Equal(DiagnosticCode.EmptySource, e.Code);
        Assert.Equal(FailureKind.Refused, e.Kind);
        Assert.Equal(before, await Bucket.ListAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Empty_source_with_allow_empty_deletes_everything(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"));
        await DeployAsync(site);
        var empty = Own(new TempSite());

        var result = await DeployAsync(Options(empty) with { AllowEmpty = true });

        Assert.Equal(["delete:stale:index.html"], Describe(result));
        // Release history stays (the emptied prefix can be rolled back); every site object is gone.
        Assert.Equal([".s3deploy/manifest.json"], (await Bucket.ListAsync()).Keys.Where(k => !k.StartsWith(".s3deploy/releases/", StringComparison.Ordinal) && !k.StartsWith(".s3deploy/objects/", StringComparison.Ordinal)));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task More_deletes_than_max_deletes_are_refused_and_nothing_changes(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "v1"), ("a.txt", "a"), ("b.txt", "b"), ("c.txt", "c"));
        await DeployAsync(site);
        var before = await Bucket.ListAsync();
        site.Delete("a.txt");
        site.Delete("b.txt");
        site.Delete("c.txt");
        site.Write("index.html", "v2");
        site.Write("new.txt", "new");

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(Options(site) with { MaxDeletes = 2 }));

        Assert.Equal(DiagnosticCode.TooManyDeletes, e.Code);
        Assert.Contains("--max-deletes 3", e.Message);
        Assert.Equal(before, await Bucket.ListAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task No_delete_keeps_stale_objects(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "v1"), ("old.txt", "old"));
        await DeployAsync(site);
        site.Delete("old.txt");

        var result = await DeployAsync(Options(site) with { Delete = false });

        Assert.Empty(result.Actions);
        Assert.Contains("old.txt", (await Bucket.ListAsync()).Keys);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Excluded_files_are_not_uploaded_and_excluded_remote_keys_are_never_deleted(Emulator emulator)
    {
        await UseAsync(emulator);
        await Bucket.PutAsync("uploads/user-photo.jpg", "user content");
        var site = Site(("index.html", "home"), ("app.js.map", "{}"), ("app.js", "x"));

        var result = await DeployAsync(Options(site) with { Excludes = ["*.map", "uploads/"] });

        Assert.Equal(["upload:new:app.js", "upload:new:index.html"], Describe(result));
        Assert.Contains("uploads/user-photo.jpg", (await Bucket.ListAsync()).Keys);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Dry_run_changes_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "v1"));

        var result = await DeployAsync(Options(site) with { DryRun = true });

        Assert.True(result.DryRun);
        Assert.Equal(["upload:new:index.html"], Describe(result));
        Assert.Empty(await Bucket.ListAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Missing_bucket_gives_its_own_code(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "v1"));

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(Options(site) with { Target = new("no-such-bucket-here", "") }));

        Assert.Equal(DiagnosticCode.NoSuchBucket, e.Code);
        Assert.Equal(FailureKind.Service, e.Kind);
    }
}
