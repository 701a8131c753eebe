namespace S3Deploy.PackageTests.Infrastructure;

/// <summary>The tool package, packed once for the tests of one class.</summary>
public sealed class CliPack : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("s3deploy-cli-pack-").FullName;

    internal DotnetResult Result { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Result = await Dotnet.RunOrThrowAsync(RepoPaths.Root, "pack", Path.Combine(RepoPaths.Root, "src", "S3Deploy.Cli"), "-c", "Release", "-o", Folder);

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
