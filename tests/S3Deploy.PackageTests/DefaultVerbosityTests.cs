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
        Assert.Matches($@"S3Deploy: Deployed .+ -> s3://{bucket}: upload \d+, update headers 0, delete 0, unchanged 0, .+ sent in ", deploy.Output);
        Assert.Matches($@"S3Deploy: Plan: a deploy of .+ -> s3://{bucket} would upload [1-9]\d*, update headers 0, delete 0, unchanged \d+, .+ to send\. Dry run: nothing changed in the bucket\.", dryRun.Output);
        Assert.DoesNotContain("upload (content)", dryRun.Output, StringComparison.Ordinal);
        Assert.Matches(@"upload \(content\) +ConsoleApp\.dll", dryRunNormal.Output);
    }
}
