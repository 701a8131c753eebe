using System.Net;
using System.Net.Sockets;
using System.Text;

namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>A loopback stand-in for GitHub's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL): answers every GET with one token, or a status.</summary>
public sealed class TokenEndpoint : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string token;
    private readonly int status;

    public TokenEndpoint(string token, int status = 200)
    {
        this.token = token;
        this.status = status;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/token?api-version=2.0";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    /// <summary>The Authorization header and query of each request, as received.</summary>
    public List<(string? Authorization, string Query)> Requests { get; } = [];

    public void Dispose() => listener.Close();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            lock (Requests)
            {
                Requests.Add((context.Request.Headers["Authorization"], context.Request.Url?.Query ?? ""));
            }

            context.Response.StatusCode = status;
            var body = Encoding.UTF8.GetBytes(status == 200 ? $$"""{"count":1,"value":"{{token}}"}""" : $$"""{"message":"denied {{token}}"}""");
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
