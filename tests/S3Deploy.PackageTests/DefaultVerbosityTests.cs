using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

/// <summary>What a plain 'dotnet publish -p:S3DeployBucket=…' shows without -v: the one summary line, for a deploy and a dry run.</summary>
[Collection(PackageCollection.Name)]
public sealed class DefaultVerbosityTests(S3ServerFixture server, PackageFixture package)
{
    [Fact]
    public async Task A_default_verbosity_publish_shows_the_summary_and_a_dry_run_shows_what_would_change()
    {
        // arrange
        var app = await package.CreateConsoleAppAsync();
        var bucket = await server.CreateBucketAsync();
        string[] publish = ["publish", "-c", "Release", $"-p:S3DeployBucket={bucket}", $"-p:S3DeployEndpointUrl={server.Endpoint}"];

        // act
        var deploy = await Dotnet.RunOrThrowAsync(app, publish);
        await File.AppendAllTextAsync(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(\"Again\");\n");
        var dryRun = await Dotnet.RunOrThrowAsync(app, [.. publish, "-p:S3DeployDryRun=true"]);
        var dryRunNormal = await Dotnet.RunOrThrowAsync(app, [.. publish, "-p:S3DeployDryRun=true", "-v:n"]);

        // assert
        Assert.Matches($@"S3Deploy: s3://{bucket}: \d+ uploaded, 0 headers updated, 0 deleted, 0 unchanged", deploy.Output);
        Assert.Matches($@"S3Deploy: s3://{bucket} \(dry run\): a deploy would upload [1-9]\d*, update headers 0, delete 0, leave \d+ unchanged", dryRun.Output);
        Assert.DoesNotContain("upload (content)", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("upload (content) ConsoleApp.dll", dryRunNormal.Output, StringComparison.Ordinal);
    }
}
