using System.Xml.Linq;

namespace S3Deploy.TestSupport;

/// <summary>Response headers policies: Create, Get and Update (If-Match on the policy's ETag); names are unique per account.</summary>
internal sealed partial class FakeCloudFront
{
    private const string PolicyRoot = "/2020-05-31/response-headers-policy";

    private readonly Dictionary<string, (XElement Config, int Version)> policies = [];

    /// <summary>The policy config with this id, or null.</summary>
    public XElement? ResponseHeadersPolicy(string id)
    {
        lock (gate)
        {
            return policies.TryGetValue(id, out var p) ? new XElement(p.Config) : null;
        }
    }

    private Answer RoutePolicy(string method, string path, byte[] body, string? ifMatch)
    {
        var id = path.Length > PolicyRoot.Length + 1 ? Uri.UnescapeDataString(path[(PolicyRoot.Length + 1)..]) : null;
        if (id is null)
        {
            return method switch
            {
                "POST" => CreatePolicy(body),
                "GET" => ListPolicies(),
                _ => Error(405, "MethodNotAllowed", $"{method} is not allowed on {path}."),
            };
        }

        if (!policies.TryGetValue(id, out var stored))
        {
            return Error(404, "NoSuchResponseHeadersPolicy", "The response headers policy does not exist.");
        }

        switch (method)
        {
            case "GET":
                return PolicyAnswer(200, id);
            case "PUT" when ifMatch != PolicyETag(id, stored.Version):
                return Error(412, "PreconditionFailed", "The If-Match version is not the policy's latest.");
            case "PUT":
                if (ParseBody(body, "ResponseHeadersPolicyConfig") is not { } config || (string?)config.Element(Ns + "Name") is null)
                {
                    return Error(400, "InvalidArgument", "Expected a ResponseHeadersPolicyConfig with a Name.");
                }

                policies[id] = (config, stored.Version + 1);
                return PolicyAnswer(200, id);
            default:
                return Error(405, "MethodNotAllowed", $"{method} is not allowed on {path}.");
        }
    }

    private Answer CreatePolicy(byte[] body)
    {
        if (ParseBody(body, "ResponseHeadersPolicyConfig") is not { } config || (string?)config.Element(Ns + "Name") is not { } name)
        {
            return Error(400, "InvalidArgument", "Expected a ResponseHeadersPolicyConfig with a Name.");
        }

        if (policies.Values.Any(p => (string?)p.Config.Element(Ns + "Name") == name))
        {
            return Error(409, "ResponseHeadersPolicyAlreadyExists", "A response headers policy with this name already exists.");
        }

        var id = $"rhp-{policies.Count + 1:D4}";
        policies[id] = (config, 1);
        return PolicyAnswer(201, id);
    }

    /// <summary>ListResponseHeadersPolicies of Type=custom, all on one page.</summary>
    private Answer ListPolicies()
    {
        var items = policies.Select(p => new XElement(
            Ns + "ResponseHeadersPolicySummary",
            new XElement(Ns + "Type", "custom"),
            new XElement(Ns + "ResponseHeadersPolicy", new XElement(Ns + "Id", p.Key), new XElement(Ns + "LastModifiedTime", "2026-01-01T00:00:00.000Z"), new XElement(p.Value.Config))));
        var body = new XElement(Ns + "ResponseHeadersPolicyList", new XElement(Ns + "MaxItems", 100), new XElement(Ns + "Quantity", policies.Count), new XElement(Ns + "Items", items));
        return new Answer(200, Xml(body), []);
    }

    private Answer PolicyAnswer(int status, string id)
    {
        var (config, version) = policies[id];
        var body = new XElement(Ns + "ResponseHeadersPolicy", new XElement(Ns + "Id", id), new XElement(Ns + "LastModifiedTime", "2026-01-01T00:00:00.000Z"), config);
        return new Answer(status, Xml(body), [("ETag", PolicyETag(id, version))]);
    }

    private static string PolicyETag(string id, int version) => $"P{id}V{version}";
}
