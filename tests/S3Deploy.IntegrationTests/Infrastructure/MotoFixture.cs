using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core;
using S3Deploy.Core.Remote;

namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>
/// moto's server (S3, KMS, STS and CloudFront on one port) on a free loopback port for the whole test run. It accepts any
/// credentials and checks no signatures, so the key pair the s3rver fixture puts in the environment works here too.
/// </summary>
public sealed class MotoFixture : IAsyncLifetime, IS3Server
{
    private Process? server;

    public string Endpoint { get; private set; } = "";

    public ConnectionOptions Connection => new(Region: "us-east-1", EndpointUrl: Endpoint);

    /// <summary>moto's own API for what S3 alone cannot set up or read back (KMS keys, distributions, invalidations).</summary>
    public MotoApi Api => new(Endpoint);

    public bool Running => server is { HasExited: false };

    public async Task InitializeAsync()
    {
        if (MotoInstall.Missing is not null)
        {
            // Each moto case then skips (or, in CI, fails) with the reason; the s3rver cases of the collection still run.
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            server = Process.Start(start) ?? throw new InvalidOperationException("Could not start python3 -m moto.server.");
            _ = DrainAsync(server);
            Endpoint = $"http://127.0.0.1:{port}";
            if (await AnswersAsync(server, Endpoint))
            {
                return;
            }

            Stop();
            if (attempt == 2)
            {
                throw new InvalidOperationException($"moto_server did not answer on {Endpoint} within a minute.");
            }
        }
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    public IAmazonS3 Client()
    {
        EnsureRunning();
        return S3ClientFactory.Create(Connection);
    }

    public async Task<string> CreateBucketAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..12];
        using var s3 = Client();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }

    public void EnsureRunning()
    {
        if (!Running)
        {
            throw new InvalidOperationException(MotoInstall.Missing ?? "moto_server is not running.");
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>moto prints its banner before it binds, so wait for an answer rather than a line; it takes seconds to import.</summary>
    private static async Task<bool> AnswersAsync(Process process, string endpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(endpoint + "/moto-api/");
                return true;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException)
            {
                // Still importing under load: ask again.
            }
        }

        return false;
    }

    private static async Task DrainAsync(Process process)
    {
        // Werkzeug logs every request to stderr; an unread pipe would block the server once it fills.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await Task.WhenAll(output, errors);
    }

    private void Stop()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(5000);
        }

        server?.Dispose();
        server = null;
    }
}
