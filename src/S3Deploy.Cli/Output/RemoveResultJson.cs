using System.Text.Json;
using S3Deploy.Core.Removal;

namespace S3Deploy.Cli.Output;

/// <summary>The one JSON object <c>remove --json</c> and <c>previews prune --json</c> print: each prefix with its counts.</summary>
internal static class RemoveResultJson
{
    public static string Write(IReadOnlyList<RemoveResult> results, bool dryRun)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", "ok");
            json.WriteBoolean("dryRun", dryRun);
            json.WriteNumber("objects", results.Sum(r => r.Objects));
            json.WriteNumber("bytes", results.Sum(r => r.Bytes));
            json.WriteNumber("deleted", results.Sum(r => r.Deleted));
            json.WriteStartArray("removed");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("target", result.Target);
                json.WriteNumber("objects", result.Objects);
                json.WriteNumber("bytes", result.Bytes);
                json.WriteNumber("deleted", result.Deleted);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
