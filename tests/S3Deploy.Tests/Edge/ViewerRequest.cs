using System.Text.Json.Nodes;

namespace S3Deploy.Tests.Edge;

/// <summary>A viewer-request event in CloudFront's shape (version 1.0, lower-case header names, each value as {value}).</summary>
internal static class ViewerRequest
{
    /// <param name="query">As the viewer wrote it, e.g. "a=1&amp;b=x&amp;b=y"; repeated names become multiValue.</param>
    public static JsonObject Event(string uri, string? query = null, string? acceptEncoding = null)
    {
        var headers = new JsonObject { ["host"] = new JsonObject { ["value"] = "d111111abcdef8.cloudfront.net" } };
        if (acceptEncoding is not null)
        {
            headers["accept-encoding"] = new JsonObject { ["value"] = acceptEncoding };
        }

        return new JsonObject
        {
            ["version"] = "1.0",
            ["context"] = new JsonObject { ["eventType"] = "viewer-request", ["distributionId"] = "EDFDVBD6EXAMPLE" },
            ["viewer"] = new JsonObject { ["ip"] = "198.51.100.11" },
            ["request"] = new JsonObject
            {
                ["method"] = "GET",
                ["uri"] = uri,
                ["querystring"] = QueryString(query),
                ["headers"] = headers,
                ["cookies"] = new JsonObject(),
            },
        };
    }

    /// <summary>What came back, in one line: "uri /docs/index.html", "301 /new?a=1", or "error …".</summary>
    public static string Outcome(JsonNode answer)
    {
        if (answer["error"] is { } error)
        {
            return "error " + error;
        }

        var result = answer["result"]!;
        return result["statusCode"] is { } status
            ? $"{status} {result["headers"]!["location"]!["value"]}"
            : $"uri {result["uri"]}";
    }

    private static JsonObject QueryString(string? query)
    {
        var result = new JsonObject();
        foreach (var group in (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).GroupBy(p => p[0]))
        {
            var values = group.Select(p => p.Length > 1 ? p[1] : "").ToList();
            var entry = new JsonObject { ["value"] = values[0] };
            if (values.Count > 1)
            {
                entry["multiValue"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject { ["value"] = v }).ToArray());
            }

            result[group.Key] = entry;
        }

        return result;
    }
}
