using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace S3Deploy.TestSupport;

/// <summary>
/// CloudFront Functions (Create, Describe, Get, Update, Publish, each write conditional on the DEVELOPMENT ETag) and
/// UpdateDistribution with If-Match: a stale or missing ETag is refused as the service refuses it.
/// </summary>
internal sealed partial class FakeCloudFront
{
    private const string FunctionRoot = "/2020-05-31/function";
    private const int MaxCodeBytes = 10 * 1024;

    private readonly Dictionary<string, StoredFunction> functions = [];
    private readonly Dictionary<string, (XElement Config, int Version)> configs = [];
    private int staleUpdates;

    /// <summary>The next <paramref name="count"/> UpdateDistribution calls find the config changed by someone else since it was read.</summary>
    public void ChangeConfigBeforeNextUpdates(int count)
    {
        lock (gate)
        {
            staleUpdates = count;
        }
    }

    /// <summary>The function as LIVE runs it (null when never published), and its comment.</summary>
    public (string? LiveCode, string? Comment) Function(string name)
    {
        lock (gate)
        {
            return functions.TryGetValue(name, out var f) ? (f.LiveCode, f.Comment) : (null, null);
        }
    }

    public XElement DistributionConfig(string id)
    {
        lock (gate)
        {
            return new XElement(StoredConfig(id, distributions[id]).Config);
        }
    }

    private (XElement Config, int Version) StoredConfig(string id, Distribution distribution) =>
        configs.TryGetValue(id, out var stored) ? stored : configs[id] = (InitialConfig(distribution), 1);

    private static string ConfigETag(string id, int version) => $"E{id}V{version}";

    private Answer UpdateConfig(string path, byte[] body, string? ifMatch)
    {
        var match = RoutePattern().Match(path);
        if (!match.Success || match.Groups["op"].Value != "config" || !distributions.TryGetValue(match.Groups["id"].Value, out var distribution))
        {
            return Error(404, "NoSuchDistribution", "The specified distribution does not exist.");
        }

        var id = match.Groups["id"].Value;
        var (current, version) = StoredConfig(id, distribution);
        if (staleUpdates > 0)
        {
            staleUpdates--;
            configs[id] = (current, ++version);
        }

        if (ifMatch is null)
        {
            return Error(400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource.");
        }

        if (ifMatch != ConfigETag(id, version))
        {
            return Error(412, "PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.");
        }

        if (ParseBody(body, "DistributionConfig") is not { } config)
        {
            return Error(400, "MalformedInput", "Expected a DistributionConfig in the 2020-05-31 namespace.");
        }

        if ((string?)config.Element(Ns + "CallerReference") != (string?)current.Element(Ns + "CallerReference"))
        {
            return Error(400, "IllegalUpdate", "The CallerReference cannot be changed.");
        }

        configs[id] = (config, version + 1);
        return new Answer(200, Xml(new XElement(Ns + "Distribution", new XElement(Ns + "Id", id), new XElement(Ns + "Status", "InProgress"), config)), [("ETag", ConfigETag(id, version + 1))]);
    }

    private Answer RouteFunction(string method, string path, byte[] body, string? stage, string? ifMatch)
    {
        var match = FunctionPattern().Match(path);
        var name = match.Groups["name"].Success ? Uri.UnescapeDataString(match.Groups["name"].Value) : null;
        var stored = name is null ? null : functions.GetValueOrDefault(name);
        if (!match.Success || (name is not null && stored is null))
        {
            return Error(404, "NoSuchFunctionExists", $"The function does not exist: {path}.");
        }

        return (method, match.Groups["op"].Value) switch
        {
            ("POST", "") when name is null => CreateFunction(body),
            ("GET", "describe") => stage == "LIVE" && stored!.LiveCode is null
                ? Error(404, "NoSuchFunctionExists", "The function has no LIVE stage.")
                : Summary(200, stored!, stage ?? "DEVELOPMENT", "ETag"),
            ("GET", "") => new Answer(200, stage == "LIVE" ? stored!.LiveCode ?? "" : stored!.Code, [("ETag", stored!.ETag)]),
            ("PUT", "") => ifMatch != stored!.ETag ? Stale() : UpdateFunction(stored, body),
            ("POST", "publish") => ifMatch != stored!.ETag ? Stale() : Publish(stored),
            _ => Error(405, "MethodNotAllowed", $"{method} is not allowed on {path}."),
        };
    }

    private Answer CreateFunction(byte[] body)
    {
        var request = ParseBody(body, "CreateFunctionRequest");
        var name = (string?)request?.Element(Ns + "Name");
        if (request is null || name is null || Code(request) is not { } code)
        {
            return Error(400, "InvalidArgument", "Expected CreateFunctionRequest(Name, FunctionConfig(Comment, Runtime), FunctionCode).");
        }

        if (functions.ContainsKey(name))
        {
            return Error(409, "FunctionAlreadyExists", "A function with this name already exists.");
        }

        var problem = Problem(request, code);
        if (problem is not null)
        {
            return problem;
        }

        var stored = functions[name] = new StoredFunction(name) { Code = code, Comment = Comment(request), ETag = $"F{name}.1" };
        return Summary(201, stored, "DEVELOPMENT", "ETag");
    }

    private Answer UpdateFunction(StoredFunction stored, byte[] body)
    {
        var request = ParseBody(body, "UpdateFunctionRequest");
        if (request is null || Code(request) is not { } code)
        {
            return Error(400, "InvalidArgument", "Expected UpdateFunctionRequest(FunctionConfig(Comment, Runtime), FunctionCode).");
        }

        if (Problem(request, code) is { } problem)
        {
            return problem;
        }

        stored.Code = code;
        stored.Comment = Comment(request);
        stored.ETag = $"F{stored.Name}.{++stored.Version}";

        // The service model places UpdateFunction's new ETag in a header spelled "ETtag".
        return Summary(200, stored, "DEVELOPMENT", "ETtag");
    }

    private Answer Publish(StoredFunction stored)
    {
        stored.LiveCode = stored.Code;
        stored.LiveComment = stored.Comment;
        return Summary(200, stored, "LIVE", null);
    }

    private Answer Summary(int status, StoredFunction f, string stage, string? etagHeader)
    {
        var live = stage == "LIVE";
        var body = new XElement(
            Ns + "FunctionSummary",
            new XElement(Ns + "Name", f.Name),
            new XElement(Ns + "Status", live ? "DEPLOYED" : "UNPUBLISHED"),
            new XElement(Ns + "FunctionConfig", new XElement(Ns + "Comment", live ? f.LiveComment : f.Comment), new XElement(Ns + "Runtime", "cloudfront-js-2.0")),
            new XElement(
                Ns + "FunctionMetadata",
                new XElement(Ns + "FunctionARN", $"arn:aws:cloudfront::123456789012:function/{f.Name}"),
                new XElement(Ns + "Stage", stage),
                new XElement(Ns + "LastModifiedTime", "2026-01-01T00:00:00.000Z")));
        return new Answer(status, Xml(body), etagHeader is null ? [] : [(etagHeader, live ? f.ETag + "-live" : f.ETag)]);
    }

    private static Answer? Problem(XElement request, string code) =>
        (string?)request.Element(Ns + "FunctionConfig")?.Element(Ns + "Runtime") != "cloudfront-js-2.0" ? Error(400, "InvalidArgument", "Runtime must be cloudfront-js-2.0.")
        : Encoding.UTF8.GetByteCount(code) > MaxCodeBytes ? Error(413, "FunctionSizeLimitExceeded", "The function is larger than the maximum allowed size.")
        : null;

    private static string Comment(XElement request) => (string?)request.Element(Ns + "FunctionConfig")?.Element(Ns + "Comment") ?? "";

    private static string? Code(XElement request)
    {
        try
        {
            return (string?)request.Element(Ns + "FunctionCode") is { } base64 ? Encoding.UTF8.GetString(Convert.FromBase64String(base64)) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static XElement? ParseBody(byte[] body, string root)
    {
        try
        {
            var element = XDocument.Parse(Encoding.UTF8.GetString(body)).Root;
            return element?.Name == Ns + root ? element : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static Answer Stale() => Error(412, "PreconditionFailed", "The If-Match version is not the function's latest.");

    [GeneratedRegex("^/2020-05-31/function(?:/(?<name>[^/]+)(?:/(?<op>describe|publish))?)?$")]
    private static partial Regex FunctionPattern();

    private sealed class StoredFunction(string name)
    {
        public string Name { get; } = name;

        public string Code { get; set; } = "";

        public string Comment { get; set; } = "";

        public string ETag { get; set; } = "";

        public int Version { get; set; } = 1;

        public string? LiveCode { get; set; }

        public string? LiveComment { get; set; }
    }
}
