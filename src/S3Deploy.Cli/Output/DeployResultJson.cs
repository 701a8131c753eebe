using System.Text.Json;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core;

namespace S3Deploy.Cli.Output;

/// <summary>
/// The one JSON shape every adapter prints or exposes (CLI --json, Action outputs). A failure has the same shape with
/// <c>error</c> set, <c>exitCode</c> not 0, and only the counts that were known when it stopped.
/// </summary>
public static class DeployResultJson
{
    public static string Write(DeployResult result) => Build(json =>
    {
        WriteCounts(json, result);
        json.WriteNumber("exitCode", 0);
        json.WriteNull("error");
    });

    /// <param name="known">What had happened when the deploy stopped (null when it stopped before the plan).</param>
    /// <param name="option">The flag that gave a bad value, for a wrapper (the MSBuild task) to name it its own way.</param>
    public static string WriteFailure(string code, string message, int exitCode, bool dryRun, DeployResult? known, IReadOnlyList<Diagnostic> warnings, string? option = null) => Build(json =>
    {
        if (known is not null)
        {
            WriteCounts(json, known with { Warnings = warnings });
        }
        else
        {
            json.WriteBoolean("dryRun", dryRun);
            WriteWarnings(json, warnings);
        }

        json.WriteNumber("exitCode", exitCode);
        json.WriteStartObject("error");
        json.WriteString("code", code);
        json.WriteString("message", message);
        if (option is not null)
        {
            json.WriteString("option", option);
        }

        json.WriteEndObject();
    });

    private static string Build(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCounts(Utf8JsonWriter json, DeployResult result)
    {
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
            if (action.RedirectLocation is { } location)
            {
                json.WriteString("redirect", location);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteWarnings(json, result.Warnings);
    }

    private static void WriteWarnings(Utf8JsonWriter json, IReadOnlyList<Diagnostic> warnings)
    {
        json.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            json.WriteStartObject();
            json.WriteString("code", warning.Code);
            json.WriteString("severity", warning.Severity == Severity.Error ? "error" : "warning");
            json.WriteString("message", warning.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
