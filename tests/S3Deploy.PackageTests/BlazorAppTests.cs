using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

[Collection(PackageCollection.Name)]
public sealed class BlazorAppTests(S3ServerFixture server, PackageFixture package)
{
    [Fact]
    public async Task Publishing_a_blazor_app_deploys_its_wwwroot_then_a_second_publish_uploads_nothing_and_a_dry_run_changes_nothing()
    {
        // arrange
        var app = package.CopyBlazorApp();
        var bucket = await server.CreateBucketAsync();
        // Brotli at its default level takes most of a Blazor publish (over a minute here); the test needs the .br siblings, not their size.
        string[] publish = ["publish", "-c", "Release", "-p:_BlazorBrotliCompressionLevel=Fastest", $"-p:S3DeployBucket={bucket}", $"-p:S3DeployEndpointUrl={server.Endpoint}"];
        using var s3 = server.Client();

        // act
        var first = await Dotnet.RunOrThrowAsync(app, publish);

        // assert: every file of wwwroot under its own key, a .gz sibling's bytes in place of the file (the Blazor default)
        var wwwroot = Path.Combine(app, "bin", "Release", "net10.0", "publish", "wwwroot");
        var files = BucketContents.FilesUnder(wwwroot);
        var siblings = files.Where(f => (f.EndsWith(".gz", StringComparison.Ordinal) || f.EndsWith(".br", StringComparison.Ordinal)) && files.Contains(f[..^3])).ToHashSet();
        var expectedKeys = files.Except(siblings).ToList();
        var objects = await BucketContents.ListAsync(s3, bucket);
        Assert.Equal(expectedKeys, objects.Keys);
        Assert.Contains("index.html", objects.Keys);
        Assert.Contains(objects.Keys, k => k.StartsWith("_framework/", StringComparison.Ordinal));
        foreach (var key in expectedKeys)
        {
            var gzip = files.Contains(key + ".gz");
            var (bytes, encoding) = await BucketContents.GetAsync(s3, bucket, key);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(wwwroot, gzip ? key + ".gz" : key)), bytes);
            Assert.Equal(gzip ? "gzip" : null, string.IsNullOrEmpty(encoding) ? null : encoding);
        }

        Assert.Equal(new DeployReport(expectedKeys.Count, 0, 0, 0), DeployReport.From(first));

        // act: again, unchanged
        var second = await Dotnet.RunOrThrowAsync(app, publish);

        // assert
        Assert.Equal(new DeployReport(0, 0, 0, expectedKeys.Count), DeployReport.From(second));
        Assert.Equal(objects, await BucketContents.ListAsync(s3, bucket));

        // act: a changed page, published as a dry run
        await File.AppendAllTextAsync(Path.Combine(app, "wwwroot", "index.html"), "<!-- changed -->\n");
        var dryRun = await Dotnet.RunOrThrowAsync(app, [.. publish, "-p:S3DeployDryRun=true"]);

        // assert: the plan names the page, the bucket is untouched
        Assert.Equal(1, DeployReport.From(dryRun).Uploaded);
        Assert.Equal(objects, await BucketContents.ListAsync(s3, bucket));
    }
}
