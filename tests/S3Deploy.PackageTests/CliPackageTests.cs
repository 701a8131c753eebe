using System.IO.Compression;
using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

/// <summary>
/// The s3deploy dotnet tool: a pointer package (the one nuget.org shows, with its readme) naming a Native AOT package per RID
/// and a framework-dependent 'any' package for every other OS. Neither needs an AOT compile, so both run in the default suite;
/// the linux-x64 AOT package is packed and installed by ActionTests' ReleasePackTests with S3DEPLOY_NATIVE_TESTS=1 (the release
/// workflow). In the collection, so no other test builds src/ meanwhile.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CliPackageTests(CliPack pack) : IClassFixture<CliPack>
{
    [Fact]
    public async Task The_pointer_package_carries_the_readme_and_names_the_native_and_the_fallback_packages()
    {
        // assert
        Assert.DoesNotContain("missing a readme", pack.Result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": warning ", pack.Result.Output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(Assert.Single(Directory.GetFiles(pack.Folder, "S3Deploy.Cli.*.nupkg"), name => !name.Contains(".any.", StringComparison.Ordinal)));
        Assert.NotNull(zip.GetEntry("README.md"));
        Assert.Contains("<readme>README.md</readme>", await ReadAsync(zip, "S3Deploy.Cli.nuspec"), StringComparison.Ordinal);
        var settings = await ReadAsync(zip, "tools/any/any/DotnetToolSettings.xml");
        Assert.Contains("RuntimeIdentifier=\"linux-x64\" Id=\"S3Deploy.Cli.linux-x64\"", settings, StringComparison.Ordinal);
        Assert.Contains("RuntimeIdentifier=\"any\" Id=\"S3Deploy.Cli.any\"", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_any_package_is_framework_dependent_and_runs_with_dotnet()
    {
        // assert
        Assert.DoesNotContain(": warning ", pack.AnyResult.Output, StringComparison.Ordinal);
        var unpacked = Path.Combine(pack.Folder, "any");
        ZipFile.ExtractToDirectory(Assert.Single(Directory.GetFiles(pack.Folder, "S3Deploy.Cli.any.*.nupkg")), unpacked);
        var tool = Path.Combine(unpacked, "tools", "net10.0", "any");
        Assert.False(File.Exists(Path.Combine(tool, "s3deploy")), "the fallback must not hold a native file");
        var version = await Dotnet.RunOrThrowAsync(tool, Path.Combine(tool, "s3deploy.dll"), "--version");
        Assert.StartsWith("0.1.0", version.Output.Trim(), StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Dnx_runs_the_package_without_installing_it()
    {
        // arrange: an empty package cache, so dnx takes this package from this folder and no copy cached by another run;
        // the fallback feed, since the linux-x64 package needs an AOT compile (ReleasePackTests installs that one)
        var packages = Directory.CreateTempSubdirectory("s3deploy-dnx-packages-").FullName;
        try
        {
            // act
            var run = await Dotnet.RunAsync(RepoPaths.Root, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packages }, "dnx", "S3Deploy.Cli", "--yes", "--source", pack.FallbackFolder, "--", "deploy", "--help");

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
