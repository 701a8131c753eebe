using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace S3Deploy.Core.Remote;

/// <summary>
/// The AWS SDK's HttpClient-based stack has no read timeout on .NET: ClientConfig.Timeout (infinite for S3) only covers
/// the wait for response headers, and ReadWriteTimeout only applies on .NET Framework. These clients bound every
/// connect, read and write by the timeout and every response body by a floor rate; what trips them is an IOException
/// the SDK's retry policy retries.
/// </summary>
internal sealed class TimeoutHttpClientFactory(TimeSpan timeout) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => Create(timeout, clientConfig.AllowAutoRedirect);

    public static HttpClient Create(TimeSpan timeout, bool allowAutoRedirect = false)
    {
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = allowAutoRedirect,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = timeout,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new IdleTimeoutStream(new NetworkStream(socket, ownsSocket: true), timeout);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

        // The bounds above replace HttpClient's own timeout, which would also cut off a long, healthy upload.
        return new HttpClient(new MinimumRateHandler(timeout, sockets)) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
