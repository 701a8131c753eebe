using System.Text.Json;
using Amazon.S3.Model;
using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

/// <summary>
/// The one client that matters opens the deployed app the way the README shows: a bucket named like a *.localhost host,
/// at the root of that host on s3rver's port, where s3rver serves it as a website endpoint (as S3 serves a bucket's
/// website endpoint from its root). MIME types, encodings and paths are then checked by Chromium itself.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class BlazorBrowserTests(S3ServerFixture server, PackageFixture package)
{
    [ChromiumTheory]
    [InlineData(null)] // the package's default for a wwwroot/ folder: gzip siblings uploaded as X with Content-Encoding: gzip
    [InlineData("none")]
    public async Task A_deployed_blazor_app_boots_in_chromium_from_the_website_endpoint_and_its_counter_counts(string? precompressed)
    {
        // arrange
        Assert.True(Chromium.Path is not null, Chromium.Missing + " CI (CI=true) needs it; .ci/run installs it.");
        var app = await package.PublishedBlazorAppAsync();
        var bucket = $"t-{Guid.NewGuid().ToString("N")[..12]}.localhost";
        using var s3 = server.Client();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        var wwwroot = Path.Combine(app, "bin", "Release", "net10.0", "publish", "wwwroot") + "/";
        string[] deploy = ["msbuild", "-t:S3Deploy", "-p:Configuration=Release", $"-p:S3DeploySource={wwwroot}", $"-p:S3DeployBucket={bucket}",
            $"-p:S3DeployEndpointUrl={server.Endpoint}", "-p:S3DeployWebsite=true", "-p:S3DeploySpa=true"];
        await Dotnet.RunOrThrowAsync(app, precompressed is null ? deploy : [.. deploy, $"-p:S3DeployPrecompressed={precompressed}"]);
        var keys = (await BucketContents.ListAsync(s3, bucket)).Keys;
        var script = keys.Single(k => k.StartsWith("_framework/blazor.webassembly.", StringComparison.Ordinal) && k.EndsWith(".js", StringComparison.Ordinal));
        var (_, encoding) = await BucketContents.GetAsync(s3, bucket, script);
        Assert.Equal(precompressed is null ? "gzip" : null, string.IsNullOrEmpty(encoding) ? null : encoding);
        Assert.Equal(precompressed is not null, keys.Contains(script + ".gz"));

        // act
        var visit = await BlazorCounterScript.VisitAsync($"http://{bucket}:{new Uri(server.Endpoint).Port}/");

        // assert
        Assert.True(visit.Error is null, "The page did not work: " + JsonSerializer.Serialize(visit));
        Assert.Equal("Hello, world!", visit.Heading);
        Assert.Equal("Current count: 0", visit.CountBefore);
        Assert.Equal("Current count: 1", visit.CountAfter);
        Assert.Empty(visit.FailedRequests);
        Assert.Empty(visit.ErrorResponses);
        Assert.Empty(visit.ConsoleErrors);
        Assert.Empty(visit.PageErrors);
    }
}
