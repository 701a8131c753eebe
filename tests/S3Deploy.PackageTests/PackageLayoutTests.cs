using System.IO.Compression;
using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    [Fact]
    public void The_package_holds_the_build_files_the_task_and_the_cli_and_nothing_else()
    {
        string[] expected =
        [
            "S3Deploy.MSBuild.nuspec",
            "[Content_Types].xml",
            "_rels/.rels",
            "build/S3Deploy.MSBuild.props",
            "build/S3Deploy.MSBuild.targets",
            "buildMultiTargeting/S3Deploy.MSBuild.props",
            "buildMultiTargeting/S3Deploy.MSBuild.targets",
            "buildTransitive/S3Deploy.MSBuild.props",
            "buildTransitive/S3Deploy.MSBuild.targets",
            "package/services/metadata/core-properties/nuget.psmdcp",
            "tasks/netstandard2.0/S3Deploy.MSBuild.dll",
            "tools/net10.0/AWSSDK.Core.dll",
            "tools/net10.0/AWSSDK.Extensions.Numerics.dll",
            "tools/net10.0/AWSSDK.S3.dll",
            "tools/net10.0/AWSSDK.SSO.dll",
            "tools/net10.0/AWSSDK.SSOOIDC.dll",
            "tools/net10.0/AWSSDK.SecurityToken.dll",
            "tools/net10.0/S3Deploy.Core.dll",
            "tools/net10.0/Spectre.Console.Ansi.dll",
            "tools/net10.0/Spectre.Console.dll",
            "tools/net10.0/System.CommandLine.dll",
            "tools/net10.0/System.IO.Hashing.dll",
            "tools/net10.0/s3deploy.deps.json",
            "tools/net10.0/s3deploy.dll",
            "tools/net10.0/s3deploy.runtimeconfig.json",
        ];

        using var nupkg = ZipFile.OpenRead(package.Package);
        var actual = nupkg.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }
}
