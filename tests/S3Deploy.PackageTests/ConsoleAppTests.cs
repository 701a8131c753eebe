using System.Net;
using System.Net.Sockets;
using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

[Collection(PackageCollection.Name)]
public sealed class ConsoleAppTests(S3ServerFixture server, PackageFixture package)
{
    [Fact]
    public async Task Publishing_a_console_app_deploys_its_publish_folder_and_logs_no_credentials_even_at_diagnostic_verbosity()
    {
        // arrange
        var app = await package.CreateConsoleAppAsync();
        var bucket = await server.CreateBucketAsync();

        // act
        var result = await Dotnet.RunOrThrowAsync(app, "publish", "-c", "Release", "-v:diag", $"-p:S3DeployBucket={bucket}", "-p:S3DeployPrefix=app", $"-p:S3DeployEndpointUrl={server.Endpoint}");

        // assert
        using var s3 = server.Client();
        var published = BucketContents.FilesUnder(Path.Combine(app, "bin", "Release", "net10.0", "publish"));
        var objects = await BucketContents.ListAsync(s3, bucket);
        Assert.Equal(published.Select(f => "app/" + f), objects.Keys);
        Assert.Equal(published.Count, DeployReport.From(result).Uploaded);
        Assert.Matches($@"S3Deploy: Deployed .+ -> s3://{bucket}/app: upload {published.Count}, update headers 0, delete 0, unchanged 0, .+ sent in ", result.Output);
        Assert.Contains("Target \"S3Deploy", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")!, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_to_a_missing_bucket_fails_the_build_with_the_S3D_code()
    {
        // arrange
        var app = await package.CreateConsoleAppAsync();

        // act
        var result = await Dotnet.RunAsync(app, "publish", "-c", "Release", "-p:S3DeployBucket=no-such-bucket", $"-p:S3DeployEndpointUrl={server.Endpoint}");

        // assert
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"error S3D010: Bucket 'no-such-bucket' does not exist", result.Output);
    }

    /// <summary>The CLI names a bad value by its flag; the build names the property the user set, and a CI agent gets no second dialect.</summary>
    [Fact]
    public async Task A_bad_property_is_named_as_the_property_and_the_child_speaks_no_CI_dialect()
    {
        // arrange
        var app = await package.CreateConsoleAppAsync();
        var runner = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" };

        // act
        var result = await Dotnet.RunAsync(app, runner, "publish", "-c", "Release", "-p:S3DeployBucket=site", "-p:S3DeployMaxDeletes=-1", $"-p:S3DeployEndpointUrl={server.Endpoint}");

        // assert
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"error S3D006: S3DeployMaxDeletes: must be 0 or more", result.Output);
        Assert.DoesNotContain("::error", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--max-deletes", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_without_a_bucket_does_not_deploy()
    {
        // arrange: an endpoint nothing listens on, so any attempt would fail the build
        var app = await package.CreateConsoleAppAsync();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        // act
        var result = await Dotnet.RunAsync(app, "publish", "-c", "Release", "-v:detailed", $"-p:S3DeployEndpointUrl=http://127.0.0.1:{port}");

        // assert
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("Target \"S3Deploy", result.Output, StringComparison.Ordinal);
        Assert.False(DeployReport.Ran(result));
    }
}
