using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;

namespace S3Deploy.TestSupport;

/// <summary>
/// CloudFront's 2020-05-31 API on a loopback port, strict where the real service is: every request must carry a SigV4
/// signature that verifies against <see cref="SecretKey"/>, bodies must be well formed with Quantity equal to the item
/// count, and a CallerReference seen before returns the invalidation it made (or 409 with other paths).
/// </summary>
internal sealed partial class FakeCloudFront : IDisposable
{
    public const string AccessKey = "AKIDFAKECLOUDFRONT";
    public const string SecretKey = "fake/CloudFront+secret/KEY0123456789";
    private const string Region = "us-east-1";
    private static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    private readonly HttpListener listener;
    private readonly Task loop;
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly Dictionary<string, Distribution> distributions = [];
    private readonly Dictionary<string, List<StoredInvalidation>> invalidations = [];
    private readonly Dictionary<string, int> polls = [];
    private readonly Queue<Failure> failures = new();
    private int created;

    private readonly string accessKey;
    private readonly string secretKey;

    /// <param name="accessKey">The key pair requests must be signed with; a deploy test passes the one the S3 server uses.</param>
    public FakeCloudFront(string accessKey = AccessKey, string secretKey = SecretKey)
    {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        (listener, Endpoint) = Listen();
        loop = Task.Run(AcceptAsync);
    }

    public enum Failure
    {
        ServiceUnavailable,
        TooManyInvalidationsInProgress,
        Throttling,

        /// <summary>Do the work, then drop the connection instead of answering, as when a response is lost in transit.</summary>
        LoseResponse,
    }

    public Uri Endpoint { get; }

    /// <summary>How many GetInvalidation calls answer InProgress before one answers Completed.</summary>
    public int PollsBeforeCompleted { get; set; } = 2;

    /// <summary>Requests whose "METHOD /path" starts with this are refused with 403 AccessDenied, as for a missing permission.</summary>
    public string? Denied { get; set; }

    /// <summary>When set, requests must carry this X-Amz-Security-Token, signed; when null, none may.</summary>
    public string? SessionToken { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public IReadOnlyList<StoredInvalidation> Invalidations(string distributionId)
    {
        lock (gate)
        {
            return invalidations.TryGetValue(distributionId, out var list) ? [.. list] : [];
        }
    }

    public void AddDistribution(string id, string bucket, string originPath = "", string? defaultRootObject = "index.html")
    {
        lock (gate)
        {
            distributions[id] = new Distribution(bucket, originPath, defaultRootObject);
        }
    }

    /// <summary>The next <paramref name="count"/> correctly signed requests fail this way.</summary>
    public void FailNext(int count, Failure failure)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                failures.Enqueue(failure);
            }
        }
    }

    public void Dispose()
    {
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends by failing once the listener is closed.
        }
    }

    private static (HttpListener Listener, Uri Endpoint) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var endpoint = new Uri($"http://127.0.0.1:{port}/");
            var candidate = new HttpListener();
            candidate.Prefixes.Add(endpoint.ToString());
            try
            {
                candidate.Start();
                return (candidate, endpoint);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between the probe and the bind: pick another.
                candidate.Close();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var path = request.RawUrl?.Split('?', 2)[0] ?? "/";
        var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);

        Answer answer;
        bool lose;
        lock (gate)
        {
            var rejected = Authenticate(request, body);
            Failure? failure = rejected is null && failures.TryDequeue(out var next) ? next : null;
            answer = rejected ?? failure switch
            {
                Failure.ServiceUnavailable => Error(503, "ServiceUnavailable", "The service is unavailable. Please retry."),
                Failure.TooManyInvalidationsInProgress => Error(400, "TooManyInvalidationsInProgress", "Processing your request would cause the maximum number of in-progress invalidations to be exceeded."),
                Failure.Throttling => Error(400, "Throttling", "Rate exceeded"),
                _ when Denied is { } denied && $"{request.HttpMethod} {path}".StartsWith(denied, StringComparison.Ordinal) => Error(403, "AccessDenied", "User is not authorized to perform this action."),
                _ when path.StartsWith(PolicyRoot, StringComparison.Ordinal) => RoutePolicy(request.HttpMethod, path, body, request.Headers["If-Match"]),
                _ => path.StartsWith(FunctionRoot, StringComparison.Ordinal)
                    ? RouteFunction(request.HttpMethod, path, body, request.QueryString["Stage"], request.Headers["If-Match"])
                    : request.HttpMethod == "PUT" ? UpdateConfig(path, body, request.Headers["If-Match"]) : Route(request.HttpMethod, path, body),
            };
            lose = failure == Failure.LoseResponse;
            requests.Add(new RecordedRequest(request.HttpMethod, path, Encoding.UTF8.GetString(body), headers, lose ? 0 : answer.Status));
        }

        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        context.Response.StatusCode = answer.Status;
        if (lose)
        {
            // HttpListener cannot reset a connection before answering (Abort alone still sends an empty response), so
            // promise the whole body, send part of it and drop the connection: the client sees the response break off.
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.OutputStream.FlushAsync();
            context.Response.Abort();
            return;
        }

        context.Response.ContentType = "text/xml";
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.AddHeader(name, value);
        }

        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    internal sealed record RecordedRequest(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers, int Status);

    internal sealed record StoredInvalidation(string Id, string CallerReference, IReadOnlyList<string> Paths, DateTimeOffset CreateTime);

    private sealed record Distribution(string Bucket, string OriginPath, string? DefaultRootObject);

    private sealed record Answer(int Status, string Body, IReadOnlyList<(string Name, string Value)> Headers);
}
