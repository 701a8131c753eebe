using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Cli;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Scanning;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

/// <summary>On a bucket with versioning enabled, releases record version ids, and rollbacks copy from those versions.</summary>
public sealed class VersionedReleaseTests(Servers servers) : ServerTest(servers)
{
    private const string S3rverHasNoVersioning = "s3rver does not implement bucket versioning (GET and PUT ?versioning answer NotImplemented), so there every release uses the store";

    [Theory, OnS3rver(Skip = S3rverHasNoVersioning), OnMoto]
    public async Task Rollback_on_a_versioned_bucket_restores_the_recorded_versions_without_a_store_copy(Emulator emulator)
    {
        await UseAsync(emulator);
        await EnableVersioningAsync();
        await DeployAsync(Site(("index.html", "<h1>A</h1>"), ("app.js", "a()"), ("same.css", "body{}"), ("only-a.txt", "a")));
        var snapshotA = await Snapshots.TakeAsync(Bucket);
        var b = Site(("index.html", "<h1>B</h1>"), ("app.js", "b()"), ("same.css", "body{}"), ("only-b.txt", "b"));
        var deployB = await DeployAsync(Options(b) with { Headers = new HeaderSettings { CacheControl = "no-cache" } });
        var snapshotB = await Snapshots.TakeAsync(Bucket);

        var back = await new ReleaseManager().RollbackAsync(Options(b), to: null);

        Assert.True(deployB.Plan.History.Versioned);
        Assert.Empty(deployB.Plan.History.Preserve);
        Assert.Equal(snapshotA, await Snapshots.TakeAsync(Bucket));
        Assert.Equal(["app.js", "index.html", "only-a.txt"], back.Actions.Where(a => a.RestoreVersionId is not null).Select(a => a.RelativeKey).Order(StringComparer.Ordinal));
        await new ReleaseManager().RollbackAsync(Options(b), to: null);
        Assert.Equal(snapshotB, await Snapshots.TakeAsync(Bucket));
        Assert.DoesNotContain((await Bucket.ListAsync(".s3deploy/")).Keys, k => k.StartsWith(".s3deploy/objects/", StringComparison.Ordinal));
    }

    [Theory, OnS3rver(Skip = S3rverHasNoVersioning), OnMoto]
    public async Task A_release_recorded_before_versioning_was_turned_on_still_restores(Emulator emulator)
    {
        await UseAsync(emulator);
        var a = Site(("index.html", "<h1>A</h1>"), ("kept.txt", "k"));
        var deployA = await DeployAsync(a);
        var snapshotA = await Snapshots.TakeAsync(Bucket);
        await EnableVersioningAsync();
        var deployB = await DeployAsync(Site(("index.html", "<h1>B</h1>"), ("kept.txt", "k")));
        var snapshotB = await Snapshots.TakeAsync(Bucket);

        // A's record has no version ids, so its overwritten bytes still go to the store.
        Assert.Equal("index.html", Assert.Single(deployB.Plan.History.Preserve).RelativeKey);
        await new ReleaseManager().RollbackAsync(Options(a), deployA.Plan.History.ReleaseId);
        Assert.Equal(snapshotA, await Snapshots.TakeAsync(Bucket));
        await new ReleaseManager().RollbackAsync(Options(a), deployB.Plan.History.ReleaseId);
        Assert.Equal(snapshotB, await Snapshots.TakeAsync(Bucket));
    }

    [Theory, OnS3rver(Skip = S3rverHasNoVersioning), OnMoto]
    public async Task A_key_unchanged_since_before_versioning_is_restored_from_its_null_version(Emulator emulator)
    {
        await UseAsync(emulator);
        await DeployAsync(Site(("index.html", "<h1>A</h1>"), ("kept.txt", "k")));
        await EnableVersioningAsync();
        var b = Site(("index.html", "<h1>B</h1>"), ("kept.txt", "k"));
        var deployB = await DeployAsync(b);
        var snapshotB = await Snapshots.TakeAsync(Bucket);

        // Two kept: only B survives C, and B has a version id for every key (kept.txt's listed: the one from before versioning).
        var deployC = await DeployAsync(Options(Site(("index.html", "<h1>B</h1>"), ("kept.txt", "changed"))) with { KeepReleases = 2 });
        var back = await new ReleaseManager().RollbackAsync(Options(b) with { KeepReleases = 2 }, deployB.Plan.History.ReleaseId);

        Assert.Empty(deployC.Plan.History.Preserve);
        Assert.Equal("null", Assert.Single(back.Actions).RestoreVersionId);
        Assert.Equal(snapshotB, await Snapshots.TakeAsync(Bucket));
    }

    [Theory, OnS3rver(Skip = S3rverHasNoVersioning), OnMoto]
    public async Task A_rollback_whose_version_expired_is_refused_with_S3D069_before_anything_changes(Emulator emulator)
    {
        await UseAsync(emulator);
        await EnableVersioningAsync();
        var a = Site(("index.html", "<h1>A</h1>"), ("app.js", "a()"));
        await DeployAsync(a);
        await DeployAsync(Site(("index.html", "<h1>B</h1>"), ("app.js", "b()")));
        var snapshotB = await Snapshots.TakeAsync(Bucket);
        await ExpireOldestVersionAsync("index.html");

        var refused = await Assert.ThrowsAsync<DeployException>(() => new ReleaseManager().RollbackAsync(Options(a), to: null));

        Assert.Equal(DiagnosticCode.ReleaseBytesGone, refused.Code);
        Assert.Equal(FailureKind.Refused, refused.Kind);
        Assert.Contains("'index.html'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(snapshotB, await Snapshots.TakeAsync(Bucket));
    }

    [Theory, OnS3rver(Skip = S3rverHasNoVersioning), OnMoto]
    public async Task Plan_json_on_a_versioned_bucket_says_versioned_and_plans_no_copies(Emulator emulator)
    {
        await UseAsync(emulator);
        await EnableVersioningAsync();
        await DeployAsync(Site(("index.html", "<h1>A</h1>")));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["plan", Site(("index.html", "<h1>B</h1>")).Path, $"s3://{Bucket.Name}", "--json", "--endpoint-url", Server.Endpoint], stdout, stderr, interactive: false);

        Assert.Equal(0, code);
        var release = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("release");
        Assert.True(release.GetProperty("versioned").GetBoolean());
        Assert.Equal(0, release.GetProperty("preserved").GetInt32());
    }

    [Theory, OnS3rver(Skip = S3rverHasNoVersioning), OnMoto]
    public async Task The_release_records_the_current_version_of_every_key_put_copied_uploaded_in_parts_or_unchanged(Emulator emulator)
    {
        const int MiB = 1024 * 1024;
        await UseAsync(emulator);
        await EnableVersioningAsync();
        var big = new string('x', 6 * MiB);
        await DeployAsync(Options(Site(("index.html", "<h1>A</h1>"), ("big.bin", big), ("same.css", "body{}"))) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB });
        var b = Site(("index.html", "<h1>B</h1>"), ("big.bin", big), ("same.css", "body{}"));

        var cssRule = new HeaderRule(Glob.Parse("*.css")) { CacheControl = "no-cache" };

        var deployB = await DeployAsync(Options(b) with { Headers = new HeaderSettings { Rules = [cssRule] }, MultipartThreshold = 5 * MiB, PartSize = 5 * MiB });

        var record = JsonDocument.Parse(await Bucket.GetAsync($".s3deploy/releases/{deployB.Plan.History.ReleaseId}.json")).RootElement.GetProperty("objects");
        using var s3 = Server.Client();
        var current = (await s3.ListVersionsAsync(new ListVersionsRequest { BucketName = Bucket.Name })).Versions
            .Where(v => v.IsLatest == true && !v.Key.StartsWith(".s3deploy/", StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.VersionId);
        Assert.Equal(["index.html upload", "same.css update-headers"], deployB.Actions.Select(x => $"{x.RelativeKey} {x.KindName}").Order(StringComparer.Ordinal));
        Assert.Equal(3, current.Count);
        Assert.All(current, c => Assert.Equal(c.Value, record.GetProperty(c.Key).GetProperty("versionId").GetString()));
    }

    private async Task EnableVersioningAsync()
    {
        using var s3 = Server.Client();
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = Bucket.Name, VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } });
    }

    /// <summary>What a lifecycle rule expiring noncurrent versions does: the key's oldest version is gone.</summary>
    private async Task ExpireOldestVersionAsync(string key)
    {
        using var s3 = Server.Client();
        var versions = (await s3.ListVersionsAsync(new ListVersionsRequest { BucketName = Bucket.Name, Prefix = key })).Versions.Where(v => v.Key == key).ToList();
        var oldest = versions.Single(v => v.IsLatest != true);
        await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket.Name, Key = key, VersionId = oldest.VersionId });
    }
}
