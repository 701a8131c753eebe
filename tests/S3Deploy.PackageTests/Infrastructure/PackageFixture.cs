using System.Globalization;

namespace S3Deploy.PackageTests.Infrastructure;

/// <summary>
/// Packs S3Deploy.MSBuild once, with a version no earlier run used, so the shared NuGet cache never serves a stale copy
/// (its folder is removed again at the end), and creates one restored Blazor WebAssembly app to copy.
/// Throwaway projects live in a temp folder whose NuGet.Config lists the packed folder beside nuget.org.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "s3deploy-package-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    public string Feed => Path.Combine(Root, "feed");

    public string Package => Path.Combine(Feed, $"S3Deploy.MSBuild.{Version}.nupkg");

    private string BlazorTemplate => Path.Combine(Root, "blazor-template");

    private Task<string>? publishedBlazorApp;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await File.WriteAllTextAsync(Path.Combine(Root, "NuGet.Config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="s3deploy-test" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        foreach (var stop in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(Root, stop), "<Project />");
        }

        var project = Path.Combine(RepoPaths.Root, "src", "S3Deploy.MSBuild");
        await Dotnet.RunOrThrowAsync(RepoPaths.Root, "pack", project, "-c", "Release", "-o", Feed, $"-p:PackageVersion={Version}");
        await Dotnet.RunOrThrowAsync(Root, "new", "blazorwasm", "-o", BlazorTemplate, "-n", "BlazorSite");
        var csproj = Path.Combine(BlazorTemplate, "BlazorSite.csproj");
        await File.WriteAllTextAsync(csproj, WithPackage(await File.ReadAllTextAsync(csproj)));
        await Dotnet.RunOrThrowAsync(BlazorTemplate, "restore");
    }

    public Task DisposeAsync()
    {
        TryDelete(Root);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(packages, "s3deploy.msbuild", Version));
        return Task.CompletedTask;
    }

    /// <summary>A copy of the restored Blazor app (without its build output) in a folder of its own.</summary>
    public string CopyBlazorApp()
    {
        var target = NewFolder("blazor");
        foreach (var file in Directory.EnumerateFiles(BlazorTemplate, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(BlazorTemplate, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }

    /// <summary>
    /// A copy of the Blazor app, published once (Release, no deploy) for the tests that deploy its output with
    /// <c>dotnet msbuild -t:S3Deploy</c>; the publish is most of their time.
    /// </summary>
    public Task<string> PublishedBlazorAppAsync() => publishedBlazorApp ??= PublishBlazorAppAsync();

    public async Task<string> CreateConsoleAppAsync()
    {
        var folder = NewFolder("console");
        await File.WriteAllTextAsync(Path.Combine(folder, "ConsoleApp.csproj"), WithPackage("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """));
        await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), "System.Console.WriteLine(\"Hello\");\n");
        return folder;
    }

    private async Task<string> PublishBlazorAppAsync()
    {
        var app = CopyBlazorApp();
        // Brotli at its default level takes most of a Blazor publish; these tests need the .br siblings, not their size.
        await Dotnet.RunOrThrowAsync(app, "publish", "-c", "Release", "-p:_BlazorBrotliCompressionLevel=Fastest");
        return app;
    }

    private string NewFolder(string name)
    {
        var folder = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The package, and a target that prints the task's outputs so tests can read them.</summary>
    private string WithPackage(string project) => project.Replace("</Project>", $"""
          <ItemGroup>
            <PackageReference Include="S3Deploy.MSBuild" Version="{Version}" />
          </ItemGroup>
          <Target Name="ReportS3Deploy" AfterTargets="S3Deploy">
            <Message Importance="high" Text="S3DeployResult uploaded=$(S3DeployUploaded) headersUpdated=$(S3DeployHeadersUpdated) deleted=$(S3DeployDeleted) unchanged=$(S3DeployUnchanged)" />
          </Target>
        </Project>
        """, StringComparison.Ordinal);

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
