using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using S3Deploy.Core.CloudFront;

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
                _ => Route(request.HttpMethod, path, body),
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

    private Answer? Authenticate(HttpListenerRequest request, byte[] body)
    {
        var match = AuthorizationHeader().Match(request.Headers["Authorization"] ?? "");
        if (!match.Success)
        {
            return Error(403, "IncompleteSignature", "Authorization header requires Credential, SignedHeaders and Signature in AWS4-HMAC-SHA256 form.");
        }

        var (key, date, region, service, signed, signature) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value, match.Groups[5].Value.Split(';'), match.Groups[6].Value);
        if (key != accessKey)
        {
            return Error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }

        var amzDate = request.Headers["X-Amz-Date"] ?? "";
        if (region != Region || service != "cloudfront" || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return Error(403, "SignatureDoesNotMatch", $"Credential should be scoped to a valid region, service and the date of X-Amz-Date ({date}/{region}/{service}).");
        }

        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || (DateTimeOffset.UtcNow - signedAt).Duration() > TimeSpan.FromMinutes(15))
        {
            return Error(403, "RequestExpired", "Signature expired or X-Amz-Date is missing.");
        }

        var amzHeaders = request.Headers.AllKeys.OfType<string>().Where(k => k.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase)).Select(k => k.ToLowerInvariant());
        if (!signed.Contains("host") || amzHeaders.Except(signed).Any())
        {
            return Error(403, "SignatureDoesNotMatch", $"Host and every x-amz-* header must be signed ({string.Join(';', signed)}).");
        }

        if (request.Headers["X-Amz-Security-Token"] != SessionToken)
        {
            return Error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }

        var parts = (request.RawUrl ?? "/").Split('?', 2);
        var canonical = SigV4Signer.CanonicalRequest(
            request.HttpMethod,
            parts[0],
            parts.Length > 1 ? parts[1] : "",
            signed.Select(name => KeyValuePair.Create(name, request.Headers[name] ?? "")),
            SigV4Signer.Hex(SHA256.HashData(body)),
            "cloudfront");
        var expected = SigV4Signer.Signature(secretKey, amzDate, region, service, canonical);
        return expected == signature
            ? null
            : Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    private Answer Route(string method, string path, byte[] body)
    {
        var match = RoutePattern().Match(path);
        if (!match.Success)
        {
            return Error(404, "NotFound", $"No operation at {path}.");
        }

        var distributionId = Uri.UnescapeDataString(match.Groups["id"].Value);
        if (!distributions.TryGetValue(distributionId, out var distribution))
        {
            return Error(404, "NoSuchDistribution", "The specified distribution does not exist.");
        }

        return (method, match.Groups["op"].Value, match.Groups["inv"].Success) switch
        {
            ("POST", "invalidation", false) => CreateInvalidation(distributionId, body),
            ("GET", "invalidation", true) => GetInvalidation(distributionId, Uri.UnescapeDataString(match.Groups["inv"].Value)),
            ("GET", "config", false) => Config(distribution),
            _ => Error(405, "MethodNotAllowed", $"{method} is not allowed on {path}."),
        };
    }

    private Answer CreateInvalidation(string distributionId, byte[] body)
    {
        XElement batch;
        try
        {
            batch = XDocument.Parse(Encoding.UTF8.GetString(body)).Root!;
        }
        catch (XmlException e)
        {
            return Error(400, "MalformedInput", e.Message);
        }

        var paths = batch.Element(Ns + "Paths");
        var items = paths?.Element(Ns + "Items")?.Elements().ToList();
        if (paths is null || items is null
            || batch.Name != Ns + "InvalidationBatch"
            || !batch.Elements().Select(e => e.Name.LocalName).SequenceEqual(["CallerReference", "Paths"])
            || !paths.Elements().Select(e => e.Name.LocalName).SequenceEqual(["Items", "Quantity"])
            || items.Any(i => i.Name != Ns + "Path"))
        {
            return Error(400, "MalformedInput", "Expected InvalidationBatch(CallerReference, Paths(Items(Path*), Quantity)) in the 2020-05-31 namespace.");
        }

        if ((string?)paths.Element(Ns + "Quantity") != items.Count.ToString(CultureInfo.InvariantCulture))
        {
            return Error(400, "InconsistentQuantities", "Your request contains a quantity that does not match the number of items.");
        }

        var reference = (string)batch.Element(Ns + "CallerReference")!;
        var requested = items.Select(i => i.Value).ToList();
        if (requested.Count == 0 || requested.Any(p => !p.StartsWith('/')))
        {
            return Error(400, "InvalidArgument", "Each path must start with '/'.");
        }

        var list = invalidations.TryGetValue(distributionId, out var existing) ? existing : invalidations[distributionId] = [];
        if (list.Find(i => i.CallerReference == reference) is { } earlier)
        {
            return earlier.Paths.SequenceEqual(requested)
                ? InvalidationAnswer(201, earlier, distributionId)
                : Error(409, "InvalidationBatchAlreadyExists", "A batch with this CallerReference and other paths already exists.");
        }

        var invalidation = new StoredInvalidation($"I{++created:D4}FAKE", reference, requested, DateTimeOffset.UtcNow);
        list.Add(invalidation);
        polls[invalidation.Id] = 0;
        return InvalidationAnswer(201, invalidation, distributionId);
    }

    private Answer GetInvalidation(string distributionId, string id)
    {
        var invalidation = invalidations.GetValueOrDefault(distributionId)?.Find(i => i.Id == id);
        if (invalidation is null)
        {
            return Error(404, "NoSuchInvalidation", "The specified invalidation does not exist.");
        }

        polls[id]++;
        return InvalidationAnswer(200, invalidation, distributionId);
    }

    private Answer InvalidationAnswer(int status, StoredInvalidation invalidation, string distributionId)
    {
        var body = new XElement(
            Ns + "Invalidation",
            new XElement(Ns + "Id", invalidation.Id),
            new XElement(Ns + "Status", polls[invalidation.Id] > PollsBeforeCompleted ? "Completed" : "InProgress"),
            new XElement(Ns + "CreateTime", invalidation.CreateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            new XElement(
                Ns + "InvalidationBatch",
                new XElement(Ns + "Paths", new XElement(Ns + "Quantity", invalidation.Paths.Count), new XElement(Ns + "Items", invalidation.Paths.Select(p => new XElement(Ns + "Path", p)))),
                new XElement(Ns + "CallerReference", invalidation.CallerReference)));
        return new Answer(status, Xml(body), status == 201 ? [("Location", $"{Endpoint}2020-05-31/distribution/{distributionId}/invalidation/{invalidation.Id}")] : []);
    }

    private static Answer Config(Distribution distribution)
    {
        var body = new XElement(
            Ns + "DistributionConfig",
            new XElement(Ns + "CallerReference", "fake-" + distribution.Bucket),
            new XElement(Ns + "Aliases", new XElement(Ns + "Quantity", 0)),
            new XElement(Ns + "DefaultRootObject", distribution.DefaultRootObject ?? ""),
            new XElement(
                Ns + "Origins",
                new XElement(Ns + "Quantity", 1),
                new XElement(
                    Ns + "Items",
                    new XElement(
                        Ns + "Origin",
                        new XElement(Ns + "Id", "S3-" + distribution.Bucket),
                        new XElement(Ns + "DomainName", $"{distribution.Bucket}.s3.us-east-1.amazonaws.com"),
                        new XElement(Ns + "OriginPath", distribution.OriginPath),
                        new XElement(Ns + "S3OriginConfig", new XElement(Ns + "OriginAccessIdentity"))))),
            new XElement(Ns + "Comment"),
            new XElement(Ns + "Enabled", true));
        return new Answer(200, Xml(body), [("ETag", "E2QWRUHEXAMPLE")]);
    }

    private static Answer Error(int status, string code, string message) =>
        new(status, Xml(new XElement(
            Ns + "ErrorResponse",
            new XElement(Ns + "Error", new XElement(Ns + "Type", status >= 500 ? "Receiver" : "Sender"), new XElement(Ns + "Code", code), new XElement(Ns + "Message", message)),
            new XElement(Ns + "RequestId", Guid.NewGuid().ToString()))), []);

    private static string Xml(XElement root) => "<?xml version=\"1.0\"?>" + root.ToString(SaveOptions.DisableFormatting);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex("^/2020-05-31/distribution/(?<id>[^/]+)/(?<op>invalidation|config)(?:/(?<inv>[^/]+))?$")]
    private static partial Regex RoutePattern();

    internal sealed record RecordedRequest(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers, int Status);

    internal sealed record StoredInvalidation(string Id, string CallerReference, IReadOnlyList<string> Paths, DateTimeOffset CreateTime);

    private sealed record Distribution(string Bucket, string OriginPath, string? DefaultRootObject);

    private sealed record Answer(int Status, string Body, IReadOnlyList<(string Name, string Value)> Headers);
}
