using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// The mistakes of a first run against AWS, through the real CLI process with an environment chosen per test: each ends
/// with its own code and exit code, never with S3D099 ("unexpected, please report it").
/// </summary>
public sealed class FirstRunErrorTests : IDisposable
{
    private readonly TempSite site = TempSite.With(("index.html", "<h1>home</h1>"));
    private readonly string home = Directory.CreateTempSubdirectory("s3deploy-home-").FullName;

    public void Dispose()
    {
        site.Dispose();
        Directory.Delete(home, recursive: true);
    }

    /// <summary>Keys but no region anywhere: no AWS_REGION, empty config files, no instance metadata.</summary>
    private Dictionary<string, string?> KeysButNoRegion(string? proxy = null)
    {
        var empty = Path.Combine(home, "empty-aws-file");
        File.WriteAllText(empty, "");
        return new()
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAFIRSTRUNEXAMPLE0",
            ["AWS_SECRET_ACCESS_KEY"] = "first-run-secret-not-real",
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_CONFIG_FILE"] = empty,
            ["AWS_SHARED_CREDENTIALS_FILE"] = empty,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["HOME"] = home,
            ["HTTPS_PROXY"] = proxy,
            ["HTTP_PROXY"] = proxy,
            ["ALL_PROXY"] = proxy,
            ["NO_PROXY"] = proxy is null ? null : "",
        };
    }

    [Fact]
    public async Task No_region_is_a_usage_error_S3D018_that_says_how_to_set_one_and_contacts_nothing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var proxy = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        var (code, stdout, stderr) = await CliProcess.RunAsync(["deploy", site.Path, "s3://my-first-bucket", "--json"], KeysButNoRegion(proxy));

        Assert.True(code == 2, $"exit {code}\n{stdout}\n{stderr}");
        var error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error ", StringComparison.Ordinal));
        Assert.StartsWith("error S3D018: ", error, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", error, StringComparison.Ordinal);
        Assert.Contains("--region", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("S3D018", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.False(listener.Pending(), "the deploy tried to reach S3 without a region");
    }

    [Fact]
    public async Task A_region_in_the_profile_of_AWS_PROFILE_is_enough()
    {
        var config = Path.Combine(home, "config");
        File.WriteAllText(config, "[profile site]\nregion = eu-west-1\n");
        var environment = KeysButNoRegion(proxy: "http://127.0.0.1:9");
        environment["AWS_CONFIG_FILE"] = config;
        environment["AWS_PROFILE"] = "site";

        // Nothing listens on the proxy's port, so the deploy gets as far as the network and fails there.
        var (code, stdout, stderr) = await CliProcess.RunAsync(["plan", site.Path, "s3://my-first-bucket"], environment);

        Assert.True(code == 1, $"exit {code}\n{stdout}\n{stderr}");
        Assert.StartsWith("error S3D021: ", Assert.Single(stderr.Split('\n'), l => l.StartsWith("error ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu west 1")]
    [InlineData("mars-west-1")]
    public async Task An_AWS_REGION_that_is_not_a_region_is_S3D006_naming_it(string region)
    {
        var environment = KeysButNoRegion(proxy: "http://127.0.0.1:9");
        environment["AWS_REGION"] = region;

        var (code, stdout, stderr) = await CliProcess.RunAsync(["plan", site.Path, "s3://my-first-bucket"], environment);

        Assert.True(code == 2, $"exit {code}\n{stdout}\n{stderr}");
        var error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error ", StringComparison.Ordinal));
        Assert.StartsWith($"error S3D006: The region '{region}' (from AWS_REGION or the profile) is not an AWS region", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_AWS_PROFILE_that_does_not_exist_is_S3D014_naming_it_not_a_network_error()
    {
        var environment = KeysButNoRegion(proxy: "http://127.0.0.1:9");
        environment["AWS_ACCESS_KEY_ID"] = null;
        environment["AWS_SECRET_ACCESS_KEY"] = null;
        environment["AWS_REGION"] = "eu-west-1";
        environment["AWS_PROFILE"] = "no-such-profile";

        var (code, stdout, stderr) = await CliProcess.RunAsync(["plan", site.Path, "s3://my-first-bucket"], environment);

        Assert.True(code == 2, $"exit {code}\n{stdout}\n{stderr}");
        var error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error ", StringComparison.Ordinal));
        Assert.StartsWith("error S3D014: AWS_PROFILE names the profile 'no-such-profile'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("200 OK", "text/html", "<html><body>Welcome to nginx!</body></html>")]
    [InlineData("404 Not Found", "text/html", "<html><body>Not found</body></html>")]
    [InlineData("200 OK", "application/json", "{\"hello\": \"world\"}")]
    [InlineData("500 Internal Server Error", "text/plain", "oops")]
    public async Task An_endpoint_that_is_not_S3_is_a_coded_error_not_an_unexpected_one(string status, string type, string body)
    {
        using var server = NotS3.Start(status, type, body);
        var environment = KeysButNoRegion();
        environment["AWS_REGION"] = "us-east-1";

        var (code, stdout, stderr) = await CliProcess.RunAsync(["deploy", site.Path, "s3://my-first-bucket", "--endpoint-url", server.Endpoint], environment);

        Assert.True(code == 1, $"exit {code}\n{stdout}\n{stderr}");
        var error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error ", StringComparison.Ordinal));
        Assert.DoesNotContain("S3D099", error, StringComparison.Ordinal);
        Assert.Matches("^error S3D0(1[0-9]|2[0-9]): ", error);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    /// <summary>A loopback web server that is not S3: it answers every request with the same status and body.</summary>
    private sealed class NotS3 : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();

        private NotS3()
        {
        }

        public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        public static NotS3 Start(string status, string type, string body)
        {
            var server = new NotS3();
            server.listener.Start();
            _ = server.ServeAsync($"HTTP/1.1 {status}\r\nContent-Type: {type}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");
            return server;
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }

        private async Task ServeAsync(string response)
        {
            var bytes = Encoding.UTF8.GetBytes(response);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    var stream = client.GetStream();
                    var buffer = new byte[64 * 1024];
                    var request = new StringBuilder();
                    while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await stream.ReadAsync(buffer, stop.Token);
                        if (read == 0)
                        {
                            break;
                        }

                        request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    await stream.WriteAsync(bytes, stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
                {
                    // Stopped, or the client hung up first: serve the next one.
                }
            }
        }
    }
}
