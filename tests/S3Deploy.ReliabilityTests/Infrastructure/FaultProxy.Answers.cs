using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>What goes back to the client: s3rver's own answer, read whole, or an S3-shaped error made up by the proxy.</summary>
internal sealed partial class FaultProxy
{
    private async Task<byte[]> ForwardAsync(HttpHead head, byte[] body, bool isHead)
    {
        using var server = new TcpClient();
        await server.ConnectAsync(upstream.Host, upstream.Port, stop.Token);
        var upstreamStream = new HttpStream(server.GetStream());
        await upstreamStream.WriteAsync(head.Raw, stop.Token);
        await upstreamStream.WriteAsync(body, stop.Token);
        while (true)
        {
            var response = await upstreamStream.ReadHeadAsync(stop.Token) ?? throw new IOException("s3rver closed the connection without answering.");
            var status = response.Status();
            if (status is >= 100 and < 200)
            {
                continue;
            }

            byte[] responseBody = isHead || status is 204 or 304 ? []
                : response.ContentLength is { } n ? await upstreamStream.ReadExactAsync(n, stop.Token)
                : response.Headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase) ? await upstreamStream.ReadChunkedRawAsync(stop.Token)
                : await upstreamStream.ReadToEndAsync(stop.Token);
            return [.. response.Raw, .. responseBody];
        }
    }

    private static byte[] ErrorResponse(Fault fault, bool isHead)
    {
        var xml = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{fault.Code}</Code><Message>{fault.Message}</Message>{fault.ExtraXml}<RequestId>FAULTPROXY</RequestId><HostId>fault-proxy</HostId></Error>");
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {fault.Status} {ReasonPhrase(fault.Status)}\r\n")
            .Append("Content-Type: application/xml\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {(isHead ? 0 : xml.Length)}\r\n")
            .Append("x-amz-request-id: FAULTPROXY\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {DateTimeOffset.UtcNow:R}\r\n");
        foreach (var (name, value) in fault.Headers ?? [])
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. isHead ? [] : xml];
    }

    internal static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    };
}
