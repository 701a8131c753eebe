using System.Text.Json;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core;
using S3Deploy.Core.Website;

namespace S3Deploy.Cli.Output;

/// <summary>
/// The one JSON shape every adapter prints or exposes (CLI --json, Action outputs). A failure has the same shape with
/// <c>error</c> set, <c>exitCode</c> not 0, and only the counts that were known when it stopped.
/// </summary>
public static class DeployResultJson
{
    /// <param name="summary">The one-line summary the CLI prints (SummaryLine.Result), for adapters that log it as is.</param>
    /// <param name="targetName">The named target of s3deploy.json the deploy went to, if any.</param>
    public static string Write(DeployResult result, string? summary = null, string? targetName = null) => Build(json =>
    {
        if (targetName is not null)
        {
            json.WriteString("targetName", targetName);
        }

        WriteCounts(json, result);
        if (summary is not null)
        {
            json.WriteString("summary", summary);
        }

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
        ReleaseJsonFields.Write(json, result.Plan.History);
        if (result.WebsiteUrl is { } url)
        {
            json.WriteString("websiteUrl", url);
        }
        else
        {
            json.WriteNull("websiteUrl");
        }

        if (result.PreviewUrl is { } previewUrl)
        {
            json.WriteString("previewUrl", previewUrl);
        }

        WriteWebsite(json, result.Plan.Website);
        WriteAccess(json, result.Plan.Access);
        HostingJson.Write(json, result.Plan.Hosting);
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

    private static void WriteWebsite(Utf8JsonWriter json, WebsiteChange? website)
    {
        if (website is null)
        {
            json.WriteNull("website");
            return;
        }

        json.WriteStartObject("website");
        json.WriteString("change", website.Change switch { WebsiteChangeKind.Create => "create", WebsiteChangeKind.Update => "update", _ => "none" });
        json.WriteString("index", website.Wanted.Index);
        json.WriteString("error", website.Wanted.Spa ? website.Wanted.Index : website.Wanted.Error);
        json.WriteBoolean("spa", website.Wanted.Spa);
        json.WriteNumber("routingRules", website.Wanted.RoutingRules.Count);
        json.WriteString("url", website.Url);
        json.WriteEndObject();
    }

    private static void WriteAccess(Utf8JsonWriter json, AccessChange? access)
    {
        if (access is null)
        {
            json.WriteNull("access");
            return;
        }

        json.WriteStartObject("access");
        json.WriteStartObject("publicAccessBlock");
        json.WriteString("change", access.Block.Changes ? "update" : "none");
        WriteFlags(json, "before", access.Block.Before);
        WriteFlags(json, "after", access.Block.After);
        json.WriteEndObject();
        json.WriteStartObject("policy");
        json.WriteString("change", access.Policy.Change switch { PolicyChangeKind.Add => "add", PolicyChangeKind.Replace => "replace", _ => "none" });
        json.WriteStartArray("statementIds");
        access.Policy.StatementIds.ToList().ForEach(json.WriteStringValue);
        json.WriteEndArray();
        json.WriteNumber("otherStatements", access.Policy.OtherStatements);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFlags(Utf8JsonWriter json, string name, AccessBlockFlags? flags)
    {
        if (flags is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteBoolean("blockPublicAcls", flags.BlockPublicAcls);
        json.WriteBoolean("ignorePublicAcls", flags.IgnorePublicAcls);
        json.WriteBoolean("blockPublicPolicy", flags.BlockPublicPolicy);
        json.WriteBoolean("restrictPublicBuckets", flags.RestrictPublicBuckets);
        json.WriteEndObject();
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
