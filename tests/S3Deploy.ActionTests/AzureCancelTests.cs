using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using S3Deploy.ActionTests.Infrastructure;

namespace S3Deploy.ActionTests;

/// <summary>The agent cancels a job by signalling the task's process: the handler passes it on and the CLI stops cleanly.</summary>
public sealed class AzureCancelTests : IDisposable
{
    private static readonly string Handler = Path.Combine(RepoPaths.Root, "action", "azure", "task", "index.js");
    private readonly TempSite workspace = TempSite.With(("dist/index.html", "<h1>home</h1>"));

    [Fact]
    public async Task Sigterm_to_the_handler_cancels_the_cli_which_exits_130_instead_of_running_on_as_an_orphan()
    {
        // A server that accepts and never answers: the CLI is inside its first request when the job is cancelled.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var start = new ProcessStartInfo("node", [Handler]) { WorkingDirectory = workspace.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in AzureModeTests.Environment(workspace.Path))
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

        start.Environment["SYSTEM_DEFAULTWORKINGDIRECTORY"] = workspace.Path;
        start.Environment["INPUT_SOURCE"] = "dist";
        start.Environment["INPUT_BUCKET"] = "some-bucket";
        start.Environment["INPUT_ENDPOINTURL"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        start.Environment["INPUT_TOOLPATH"] = AzureModeTests.CliDll;
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var held = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromMinutes(1));

        using (var kill = Process.Start("kill", ["-TERM", node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            node.Kill(entireProcessTree: true);
        }

        var output = await stdout + await stderr;
        Assert.True(node.ExitCode == 130, $"exit {node.ExitCode}\n{output}");
        Assert.Contains("S3D030", output, StringComparison.Ordinal);
        Assert.Contains("##vso[task.complete result=Failed;]s3deploy exited with code 130", output, StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Dispose();
}
