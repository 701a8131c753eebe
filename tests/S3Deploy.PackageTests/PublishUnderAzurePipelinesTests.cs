using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

/// <summary>
/// On an Azure Pipelines agent (TF_BUILD=True) the bundled CLI writes its errors as logging commands, which are no
/// 'error S3D…' lines; the task reads the error from the --json result, so the build still fails with the real code.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PublishUnderAzurePipelinesTests(S3ServerFixture server, PackageFixture package)
{
    [Fact]
    public async Task A_failed_deploy_on_an_azure_agent_fails_the_build_with_its_own_code()
    {
        // arrange
        var app = await package.CreateConsoleAppAsync();
        var agent = new Dictionary<string, string?> { ["TF_BUILD"] = "True", ["AGENT_TEMPDIRECTORY"] = Path.GetTempPath() };

        // act
        var result = await Dotnet.RunAsync(app, agent, "publish", "-c", "Release", "-p:S3DeployBucket=no-such-bucket", $"-p:S3DeployEndpointUrl={server.Endpoint}");

        // assert
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"error S3D010: Bucket 'no-such-bucket' does not exist", result.Output);
        Assert.DoesNotContain("without saying why", result.Output, StringComparison.Ordinal);
    }
}
