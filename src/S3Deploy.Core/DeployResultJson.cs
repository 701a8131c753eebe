using System.Text.Json;

namespace S3Deploy.Core;

/// <summary>The one JSON shape every adapter prints or exposes (CLI --json, Action outputs).</summary>
public static class DeployResultJson
{
    public static string Write(DeployResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("dryRun", result.DryRun);
            json.WriteNumber("uploaded", result.Uploaded);
            json.WriteNumber("headersUpdated", result.HeadersUpdated);
            json.WriteNumber("deleted", result.Deleted);
            json.WriteNumber("unchanged", result.Unchanged);
            json.WriteNumber("bytesUploaded", result.BytesUploaded);
            json.WriteNumber("keptStale", result.KeptStale);
            json.WriteNumber("durationMs", (long)result.Duration.TotalMilliseconds);
            if (result.WebsiteUrl is { } url)
            {
                json.WriteString("websiteUrl", url);
            }
            else
            {
                json.WriteNull("websiteUrl");
            }

            json.WriteStartArray("invalidations");
            foreach (var invalidation in result.Invalidations)
            {
                json.WriteStartObject();
                json.WriteString("distributionId", invalidation.DistributionId);
                json.WriteString("id", invalidation.Id);
                json.WriteString("status", invalidation.Status);
                json.WriteStartArray("paths");
                invalidation.Paths.ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("actions");
            foreach (var action in result.Actions)
            {
                json.WriteStartObject();
                json.WriteString("key", action.RelativeKey);
                json.WriteString("action", action.KindName);
                json.WriteString("reason", action.ReasonName);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in result.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
