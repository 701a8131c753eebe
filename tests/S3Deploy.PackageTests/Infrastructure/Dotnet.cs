using System.Diagnostics;
using System.Text;

namespace S3Deploy.PackageTests.Infrastructure;

/// <summary>
/// Runs the dotnet CLI as a user would. The s3rver credentials reach the build (and the deploy under it) through the
/// environment the fixture set, never through arguments.
/// </summary>
internal static class Dotnet
{
    private static readonly string[] InheritedBuildVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTestLogger", "VSTestResultsDirectory"];

    public static Task<DotnetResult> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>Runs dotnet with <paramref name="environment"/> laid over the fixture's (a null value removes a variable).</summary>
    public static async Task<DotnetResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in InheritedBuildVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} took longer than 8 minutes:\n{output}");
        }

        await Task.WhenAll(stdout, stderr);
        return new DotnetResult(process.ExitCode, output.ToString());
    }

    public static async Task<DotnetResult> RunOrThrowAsync(string workingDirectory, params string[] args)
    {
        var result = await RunAsync(workingDirectory, args);
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.Output}");
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
