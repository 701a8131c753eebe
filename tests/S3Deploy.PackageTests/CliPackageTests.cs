using System.IO.Compression;
using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

/// <summary>The s3deploy dotnet tool package: nuget.org shows its readme. In the collection, so no other test builds src/ meanwhile.</summary>
[Collection(PackageCollection.Name)]
public sealed class CliPackageTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("s3deploy-cli-pack-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    [Fact]
    public async Task The_cli_package_carries_a_readme()
    {
        // act
        var pack = await Dotnet.RunOrThrowAsync(RepoPaths.Root, "pack", Path.Combine(RepoPaths.Root, "src", "S3Deploy.Cli"), "-c", "Release", "-o", output);

        // assert
        Assert.DoesNotContain("missing a readme", pack.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": warning ", pack.Output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(Assert.Single(Directory.GetFiles(output, "S3Deploy.Cli.*.nupkg")));
        Assert.NotNull(zip.GetEntry("README.md"));
        using var nuspec = new StreamReader(zip.GetEntry("S3Deploy.Cli.nuspec")!.Open());
        Assert.Contains("<readme>README.md</readme>", await nuspec.ReadToEndAsync(), StringComparison.Ordinal);
    }
}
