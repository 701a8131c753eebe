using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

/// <summary>A warning reaches MSBuild typed, from the --json result: a real build warning with its S3D code, counted by MSBuild.</summary>
[Collection(PackageCollection.Name)]
public sealed class TaskWarningTests(S3ServerFixture server, PackageFixture package)
{
    [Fact]
    public async Task A_skipped_file_is_an_msbuild_warning_with_its_code_and_the_deploy_goes_on()
    {
        // arrange: a '.s3deploy' file at the top of the source is skipped with S3D101 (the name is the manifest's)
        var app = await package.CreateConsoleAppAsync();
        var bucket = await server.CreateBucketAsync();
        var site = Path.Combine(app, "site");
        Directory.CreateDirectory(site);
        await File.WriteAllTextAsync(Path.Combine(site, "index.html"), "<h1>home</h1>");
        await File.WriteAllTextAsync(Path.Combine(site, ".s3deploy"), "not a manifest");

        // act
        var result = await Dotnet.RunAsync(app, "msbuild", "-restore", "-t:S3Deploy", $"-p:S3DeploySource={site}/", $"-p:S3DeployBucket={bucket}", $"-p:S3DeployEndpointUrl={server.Endpoint}");

        // assert
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains(": warning S3D101: Skipped '.s3deploy'", result.Output, StringComparison.Ordinal); // MSBuild's form, not a message line
        Assert.Matches($@"S3Deploy: Deployed .+ -> s3://{bucket}: upload 1, ", result.Output);
    }
}
