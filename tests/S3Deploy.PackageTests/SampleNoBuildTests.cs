using S3Deploy.IntegrationTests.Infrastructure;
using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

/// <summary>The README's tip for deploying what is already published: 'dotnet publish --no-build … -p:S3DeployBucket=…' on the sample.</summary>
[Collection(PackageCollection.Name)]
public sealed class SampleNoBuildTests(S3ServerFixture server)
{
    [Fact]
    public async Task Publishing_the_sample_again_with_no_build_deploys_it()
    {
        // arrange: the sample built and published once, as the tip assumes
        var sample = Path.Combine(RepoPaths.Root, "samples", "BlazorApp");
        var bucket = await server.CreateBucketAsync();
        string[] publish = ["publish", "-c", "Release", "-p:_BlazorBrotliCompressionLevel=Fastest"];
        await Dotnet.RunOrThrowAsync(sample, publish);

        // act
        var result = await Dotnet.RunAsync(sample, [.. publish, "--no-build", $"-p:S3DeployBucket={bucket}", $"-p:S3DeployEndpointUrl={server.Endpoint}"]);

        // assert
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("NETSDK1085", result.Output, StringComparison.Ordinal);
        Assert.Matches($@"S3Deploy: s3://{bucket}: [1-9]\d* uploaded", result.Output);
        using var s3 = server.Client();
        Assert.Contains("index.html", (await BucketContents.ListAsync(s3, bucket)).Keys);
    }
}
