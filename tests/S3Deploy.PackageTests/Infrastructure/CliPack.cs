namespace S3Deploy.PackageTests.Infrastructure;

/// <summary>
/// The tool packages, packed once for the tests of one class: the pointer package and the framework-dependent 'any' package
/// in <see cref="Folder"/>, and in <see cref="FallbackFolder"/> a pointer that names only 'any' beside that package, which is
/// what a machine without a native package gets (packing the linux-x64 AOT package needs an AOT compile: ReleasePackTests).
/// </summary>
public sealed class CliPack : IAsyncLifetime
{
    private static readonly string Cli = Path.Combine(RepoPaths.Root, "src", "S3Deploy.Cli");

    public string Folder { get; } = Directory.CreateTempSubdirectory("s3deploy-cli-pack-").FullName;

    public string FallbackFolder { get; } = Directory.CreateTempSubdirectory("s3deploy-cli-fallback-").FullName;

    internal DotnetResult Result { get; private set; } = null!;

    internal DotnetResult AnyResult { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Result = await Dotnet.RunOrThrowAsync(RepoPaths.Root, "pack", Cli, "-c", "Release", "-o", Folder);
        AnyResult = await Dotnet.RunOrThrowAsync(RepoPaths.Root, "pack", Cli, "-c", "Release", "-o", Folder, "-r", "any", "-p:PublishAot=false");
        await Dotnet.RunOrThrowAsync(RepoPaths.Root, "pack", Cli, "-c", "Release", "-o", FallbackFolder, "-p:ToolPackageRuntimeIdentifiers=any");
        foreach (var any in Directory.GetFiles(Folder, "S3Deploy.Cli.any.*.nupkg"))
        {
            File.Copy(any, Path.Combine(FallbackFolder, Path.GetFileName(any)));
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        Directory.Delete(FallbackFolder, recursive: true);
        return Task.CompletedTask;
    }
}
