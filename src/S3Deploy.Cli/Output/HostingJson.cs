using System.Text.Json;
using S3Deploy.Core.Edge;

namespace S3Deploy.Cli.Output;

/// <summary>"cloudfrontHosting" in --json: per distribution, the function change with its routes, and the config changes.</summary>
internal static class HostingJson
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<HostingChange> hosting)
    {
        json.WriteStartArray("cloudfrontHosting");
        foreach (var change in hosting)
        {
            json.WriteStartObject();
            json.WriteString("distributionId", change.DistributionId);
            json.WriteString("function", change.FunctionName);
            json.WriteString("change", change.FunctionChange);
            Strings(json, "routesAdded", change.RoutesAdded);
            Strings(json, "routesDropped", change.RoutesDropped);
            Strings(json, "distributionChanges", change.DistributionChanges);
            if (change.HeadersPolicyChange is { } policy)
            {
                json.WriteString("headersPolicy", policy);
            }
            else
            {
                json.WriteNull("headersPolicy");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>One line per distribution for the plan, in the shape of the other settings lines.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<HostingChange> hosting) => hosting.Select(c =>
        $"cloudfront hosting ({(c.Changes ? "update" : "unchanged")})  {c.DistributionId}: function {c.FunctionName} {c.FunctionChange}"
        + (c.RoutesAdded.Count + c.RoutesDropped.Count > 0 ? $", routes +{c.RoutesAdded.Count} -{c.RoutesDropped.Count} ({string.Join(", ", c.RoutesAdded.Select(r => "+" + r).Concat(c.RoutesDropped.Select(r => "-" + r)).Take(5))})" : "")
        + (c.HeadersPolicyChange is { } policy ? $"; headers policy {policy}" : "")
        + (c.DistributionChanges.Count > 0 ? "; " + string.Join("; ", c.DistributionChanges) : ""));

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
