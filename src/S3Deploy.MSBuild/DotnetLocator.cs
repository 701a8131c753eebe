using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace S3Deploy.MSBuild;

/// <summary>Finds the dotnet host that runs the bundled CLI: the one running this build, else the SDK's, else the first on PATH.</summary>
internal static class DotnetLocator
{
    public static string ExecutableName => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";

    public static string? Find(string? hostPath, string? netCoreRoot)
    {
        var candidates = new[]
        {
            hostPath,
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            string.IsNullOrEmpty(netCoreRoot) ? null : Path.Combine(netCoreRoot, ExecutableName),
            Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root ? Path.Combine(root, ExecutableName) : null,
        };
        // A PATH entry with characters no path may hold (possible on Windows) is skipped, not an exception.
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split([Path.PathSeparator], StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => dir.Trim('"'))
            .Where(dir => dir.IndexOfAny(Path.GetInvalidPathChars()) < 0)
            .Select(dir => Path.Combine(dir, ExecutableName));
        return candidates.Concat(onPath).FirstOrDefault(IsHost);
    }

    private static bool IsHost(string? path) =>
        !string.IsNullOrEmpty(path) && File.Exists(path) && Path.GetFileName(path).Equals(ExecutableName, StringComparison.OrdinalIgnoreCase);
}
