using System.IO.Compression;
using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

/// <summary>The s3deploy dotnet tool package: nuget.org shows its readme. In the collection, so no other test builds src/ meanwhile.</summary>
[Collection(PackageCollection.Name)]
public sealed class CliPackageTests(CliPack pack) : IClassFixture<CliPack>
{
    [Fact]
    public async Task The_cli_package_carries_a_readme()
    {
        // assert
        Assert.DoesNotContain("missing a readme", pack.Result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": warning ", pack.Result.Output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(Assert.Single(Directory.GetFiles(pack.Folder, "S3Deploy.Cli.*.nupkg")));
        Assert.NotNull(zip.GetEntry("README.md"));
        using var nuspec = new StreamReader(zip.GetEntry("S3Deploy.Cli.nuspec")!.Open());
        Assert.Contains("<readme>README.md</readme>", await nuspec.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dnx_runs_the_package_without_installing_it()
    {
        // arrange: an empty package cache, so dnx takes this package from this folder and no copy cached by another run
        var packages = Directory.CreateTempSubdirectory("s3deploy-dnx-packages-").FullName;
        try
        {
            // act
            var run = await Dotnet.RunAsync(RepoPaths.Root, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packages }, "dnx", "S3Deploy.Cli", "--yes", "--source", pack.Folder, "--", "deploy", "--help");

            // assert
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("--target <NAME>", run.Output, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(packages, "s3deploy.cli")), "dnx restored the package into the given cache");
        }
        finally
        {
            Directory.Delete(packages, recursive: true);
        }
    }
}
