using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Remote;

namespace S3Deploy.TestSupport;

/// <summary>
/// A real s3rver on a free loopback port for the whole test run. The deployer finds the key pair s3rver checks
/// signatures against through the SDK's ordinary credential chain (environment variables), as it would in CI.
/// </summary>
public sealed partial class S3ServerFixture : IAsyncLifetime, IS3Server
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "s3deploy-s3rver-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? server;

    public string Endpoint { get; private set; } = "";

    public ConnectionOptions Connection => new(Region: "us-east-1", EndpointUrl: Endpoint);

    public async Task InitializeAsync()
    {
        if (!File.Exists(RepoPaths.S3rverScript))
        {
            await InstallS3rverAsync();
        }

        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "S3RVER");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "S3RVER");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Directory.CreateDirectory(dataDir);

        // Without the legacy OpenSSL provider s3rver's continuation tokens fail on Node 17+, and listings past 1,000 keys break.
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { "--openssl-legacy-provider", RepoPaths.S3rverScript, "-d", dataDir, "-a", "127.0.0.1", "-p", "0", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        server = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                Endpoint = $"http://127.0.0.1:{match.Groups[1].Value}";
                _ = DrainAsync(server);
                return;
            }
        }

        throw new InvalidOperationException("s3rver exited before listening: " + await server.StandardError.ReadToEndAsync());
    }

    public Task DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(5000);
        }

        server?.Dispose();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return Task.CompletedTask;
    }

    public IAmazonS3 Client() => S3ClientFactory.Create(Connection);

    public async Task<string> CreateBucketAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..12];
        using var s3 = Client();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }

    /// <summary>So that a plain 'dotnet test' works on a fresh clone: the lockfile pins s3rver, npm ci installs exactly that.</summary>
    private static async Task InstallS3rverAsync()
    {
        var npm = new ProcessStartInfo("npm") { ArgumentList = { "ci", "--prefix", Path.Combine(RepoPaths.Root, "tests", "s3server"), "--no-audit", "--no-fund" }, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm (Node.js 20 is needed for the integration tests).");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (process.ExitCode != 0 || !File.Exists(RepoPaths.S3rverScript))
        {
            throw new InvalidOperationException($"'npm ci --prefix tests/s3server' failed ({process.ExitCode}): {await errors}");
        }
    }

    private static async Task DrainAsync(Process process)
    {
        // s3rver blocks once a redirected pipe fills up; keep reading for its whole life.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await Task.WhenAll(output, errors);
    }

    [GeneratedRegex(@"listening on [\d.]+:(\d+)")]
    private static partial Regex ListeningLine();
}
