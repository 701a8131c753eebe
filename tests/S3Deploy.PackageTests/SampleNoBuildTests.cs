using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

/// <summary>The README's tip for deploying what is already published: 'dotnet publish --no-build … -p:S3DeployBucket=…' on the sample.</summary>
[Collection(PackageCollection.Name)]
public sealed class SampleNoBuildTests(S3ServerFixture server) : IDisposable
{
    private readonly string copy = Directory.CreateTempSubdirectory("s3deploy-sample-").FullName;

    [Fact]
    public async Task Publishing_the_sample_again_with_no_build_deploys_it()
    {
        // arrange: a copy of the sample (its build output stays out of the repository), built and published once, as the
        // tip assumes; S3DeploySrc points the copy's in-repository wiring back at src/.
        var sample = CopyOfSample();
        var bucket = await server.CreateBucketAsync();
        var src = Path.Combine(RepoPaths.Root, "src") + Path.DirectorySeparatorChar;
        string[] publish = ["publish", "-c", "Release", "-p:_BlazorBrotliCompressionLevel=Fastest", $"-p:S3DeploySrc={src}"];
        await Dotnet.RunOrThrowAsync(sample, publish);

        // act
        var result = await Dotnet.RunAsync(sample, [.. publish, "--no-build", $"-p:S3DeployBucket={bucket}", $"-p:S3DeployEndpointUrl={server.Endpoint}"]);

        // assert
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("NETSDK1085", result.Output, StringComparison.Ordinal);
        Assert.Matches($@"S3Deploy: Deployed .+ -> s3://{bucket}: upload [1-9]\d*, ", result.Output);
        using var s3 = server.Client();
        Assert.Contains("index.html", (await BucketContents.ListAsync(s3, bucket)).Keys);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(copy, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private string CopyOfSample()
    {
        var from = Path.Combine(RepoPaths.Root, "samples", "BlazorApp");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }

        return copy;
    }
}
