using System.Diagnostics;
using System.Text.Json;

namespace S3Deploy.PackageTests.Infrastructure;

/// <summary>
/// Runs tests/browser/blazor-counter.mjs, which opens a deployed Blazor app in headless Chromium and clicks its counter.
/// playwright-core is pinned in tests/browser/package-lock.json and installed with npm ci on first use, like s3rver.
/// </summary>
internal static class BlazorCounterScript
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "browser");
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static async Task<BlazorPageVisit> VisitAsync(string url)
    {
        var chromium = Chromium.Path ?? throw new InvalidOperationException(Chromium.Missing);
        await EnsureInstalledAsync();
        var (exitCode, stdout, stderr) = await RunAsync("node", Path.Combine(Folder, "blazor-counter.mjs"), url, chromium);
        var json = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (exitCode != 0 || json is null)
        {
            throw new InvalidOperationException($"blazor-counter.mjs failed ({exitCode}):\n{stdout}\n{stderr}");
        }

        return JsonSerializer.Deserialize<BlazorPageVisit>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("blazor-counter.mjs printed null.");
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(Folder, "node_modules", "playwright-core", "package.json")))
            {
                var (exitCode, _, stderr) = await RunAsync("npm", "ci", "--prefix", Folder, "--no-audit", "--no-fund");
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"'npm ci --prefix tests/browser' failed ({exitCode}): {stderr}");
                }
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file} (Node.js 20 is needed for the browser tests).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took longer than 5 minutes.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
