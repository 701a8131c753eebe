using System.Text.Json;
using S3Deploy.Core.Planning;

namespace S3Deploy.Cli.Output;

/// <summary>The release part of --json: the release recorded (or planned), the one before it, and the history work planned.</summary>
internal static class ReleaseJsonFields
{
    public static void Write(Utf8JsonWriter json, HistoryPlan history)
    {
        if (history.ReleaseId is null)
        {
            json.WriteNull("release");
            return;
        }

        json.WriteStartObject("release");
        json.WriteString("id", history.ReleaseId);
        WriteOrNull(json, "previous", history.Previous);
        WriteOrNull(json, "rolledBackTo", history.RolledBackTo);
        json.WriteNumber("preserved", history.Preserve.Count);
        json.WriteBoolean("versioned", history.Versioned);
        json.WriteNumber("prunedReleases", history.PruneReleases.Count);
        json.WriteNumber("prunedObjects", history.PruneObjects.Count);
        json.WriteEndObject();
    }

    private static void WriteOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
