using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>
/// An HTTP/1.1 proxy on loopback between the deployer and s3rver that injects faults per request (<see cref="Rule"/>).
/// It also plays the part of S3 that s3rver leaves out: a body whose MD5 differs from its Content-MD5 is refused with
/// 400 BadDigest and never forwarded, and every object or part upload that comes without Content-MD5 is recorded
/// in <see cref="Violations"/>; and it aborts and lists multipart uploads (<see cref="Multipart"/>), which s3rver cannot.
/// </summary>
internal sealed partial class FaultProxy : IDisposable
{
    private readonly Uri upstream;
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<(ProxyRequest Request, Fault? Fault)> log = new();
    private readonly ConcurrentQueue<string> violations = new();
    private readonly Task accepting;
    private int counter;
    private int stalling;

    public FaultProxy(string upstreamEndpoint)
    {
        upstream = new Uri(upstreamEndpoint);
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Endpoint = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        accepting = Task.Run(AcceptAsync);
    }

    public string Endpoint { get; }

    /// <summary>Picks the fault for each request, or null to pass it through. Called concurrently.</summary>
    public Func<ProxyRequest, Fault?> Rule { get; set; } = _ => null;

    /// <summary>Off, the proxy forwards whatever it gets, as s3rver (unlike S3) stores a body that contradicts its Content-MD5.</summary>
    public bool VerifyContentMd5 { get; set; } = true;

    public IReadOnlyList<(ProxyRequest Request, Fault? Fault)> Log => [.. log];

    public IReadOnlyList<string> Violations => [.. violations];

    public MultipartLedger Multipart { get; } = new();

    public int Injected => log.Count(e => e.Fault is not null);

    /// <summary>Requests whose body the proxy is refusing to read right now (<see cref="FaultKind.StallBody"/>).</summary>
    public int Stalling => Volatile.Read(ref stalling);

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends by failing once the listener stops.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = new HttpStream(client.GetStream());
        try
        {
            while (await stream.ReadHeadAsync(stop.Token) is { } head)
            {
                if (!await HandleAsync(client, stream, head))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (or gave up on a stalled answer): nothing to do.
        }
    }

    /// <returns>Whether the connection can carry another request.</returns>
    private async Task<bool> HandleAsync(TcpClient client, HttpStream stream, HttpHead head)
    {
        var (method, target) = head.RequestLine();
        var pathAndQuery = target.Split('?', 2);
        var length = head.ContentLength ?? 0;
        var request = new ProxyRequest(Interlocked.Increment(ref counter), method, pathAndQuery[0], pathAndQuery.Length > 1 ? pathAndQuery[1] : "", head.Headers, (int)length);
        var fault = Rule(request);
        log.Enqueue((request, fault));
        if (head.Headers.TryGetValue("expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), stop.Token);
        }

        if (fault?.Kind == FaultKind.StallBody)
        {
            // Reading nothing, not even to notice the client leaving: its writes must time out on their own.
            Interlocked.Increment(ref stalling);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(60), stop.Token);
            }
            finally
            {
                Interlocked.Decrement(ref stalling);
            }

            return false;
        }

        if (fault?.Kind == FaultKind.ResetMidBody)
        {
            await stream.ReadExactAsync(length / 2, stop.Token);
            client.Client.LingerState = new LingerOption(true, 0);
            client.Client.Close();
            return false;
        }

        var body = await stream.ReadExactAsync(length, stop.Token);
        if (request.IsUpload && !head.Headers.ContainsKey("content-md5"))
        {
            violations.Enqueue($"{method} {request.Key} without Content-MD5");
        }

        if (fault?.Kind == FaultKind.FlipByte && body.Length > 0)
        {
            body[body.Length / 2] ^= 0x20;
        }

        if (fault?.Kind == FaultKind.Error)
        {
            await stream.WriteAsync(ErrorResponse(fault, method == "HEAD"), stop.Token);
            return true;
        }

        if (fault?.Kind == FaultKind.Answer)
        {
            await ScriptedResponses.AnswerAsync(stream, fault, method == "HEAD", stop.Token);
            return !fault.Endless;
        }

        if (VerifyContentMd5 && head.Headers.TryGetValue("content-md5", out var md5) && md5 != Convert.ToBase64String(MD5.HashData(body)))
        {
            await stream.WriteAsync(ErrorResponse(Fault.Error(400, "BadDigest", "The Content-MD5 you specified did not match what we received."), method == "HEAD"), stop.Token);
            return true;
        }

        if (fault?.Kind == FaultKind.Stall)
        {
            // Never answer; wait for the client to time out and close (or for the proxy to stop).
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            limit.CancelAfter(TimeSpan.FromSeconds(60));
            await stream.WaitForCloseAsync(limit.Token);
            return false;
        }

        if (request.Operation == S3Operation.AbortMultipart)
        {
            Multipart.Ended(request.Query);
            await stream.WriteAsync(MultipartLedger.Aborted(), stop.Token);
            return true;
        }

        if (MultipartLedger.IsListing(request))
        {
            await stream.WriteAsync(Multipart.Listing(bucket: request.Path.Trim('/').Split('/')[0]), stop.Token);
            return true;
        }

        var response = await ForwardAsync(head, body, method == "HEAD");
        if (response.AsSpan().StartsWith("HTTP/1.1 200"u8))
        {
            if (request.Operation == S3Operation.StartMultipart)
            {
                Multipart.Started(request.Key, response);
            }
            else if (request.Operation == S3Operation.CompleteMultipart)
            {
                Multipart.Ended(request.Query);
            }
        }

        if (fault?.Kind == FaultKind.CutResponse)
        {
            await stream.WriteAsync(response.AsMemory(0, response.Length / 2), stop.Token);
            client.Client.Close();
            return false;
        }

        if (fault?.Kind == FaultKind.Rewrite)
        {
            response = ScriptedResponses.Rewritten(response, fault.RewriteText!);
        }

        if (fault?.Kind == FaultKind.Trickle)
        {
            var bodyStart = response.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
            await stream.WriteAsync(response.AsMemory(0, bodyStart), stop.Token);
            for (var i = bodyStart; i < response.Length; i++)
            {
                await Task.Delay(fault.Interval, stop.Token);
                await stream.WriteAsync(response.AsMemory(i, 1), stop.Token);
            }
        }
        else
        {
            await stream.WriteAsync(response, stop.Token);
        }

        return true;
    }
}
