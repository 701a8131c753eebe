using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Releases;
using S3Deploy.Core.Remote;

namespace S3Deploy.Cli;

/// <summary><c>s3deploy releases s3://BUCKET/PREFIX</c>: the kept releases, newest first, the live one marked; a table or --json.</summary>
internal sealed class ReleasesCommand
{
    private readonly Argument<string> target = new("TARGET") { Description = "The deployed prefix: s3://BUCKET or s3://BUCKET/PREFIX." };
    private readonly Option<string?> region = new("--region") { HelpName = "REGION", Description = "AWS region of the bucket." };
    private readonly Option<string?> profile = new("--profile") { HelpName = "NAME", Description = "Named profile from ~/.aws/config or ~/.aws/credentials." };
    private readonly Option<string?> endpointUrl = new("--endpoint-url") { HelpName = "URL", Description = "URL of an S3-compatible service; uses path-style addressing." };
    private readonly Option<bool> json = new("--json") { Description = "Print the releases as one JSON object on stdout." };

    public Command Build(DeployRun run, TextWriter stdout)
    {
        var command = new Command("releases", "List the releases kept for rollback, newest first; the live one is marked.") { target, region, profile, endpointUrl, json };
        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            try
            {
                var s3Target = S3Target.Parse(parse.GetValue(target)!);
                var connection = new ConnectionOptions(parse.GetValue(region), parse.GetValue(profile), parse.GetValue(endpointUrl));
                var releases = await new ReleaseManager().ListAsync(s3Target, connection, ct);
                await stdout.WriteAsync(asJson ? Json(releases) : Table(releases, s3Target));
                return 0;
            }
            catch (DeployException e)
            {
                return await run.FailAsync(e, [e.Message], asJson, dryRun: true);
            }
        });
        return command;
    }

    internal static string Table(IReadOnlyList<ReleaseSummary> releases, S3Target target)
    {
        if (releases.Count == 0)
        {
            return $"No releases under {target} yet: a deploy records one when it changes something.\n";
        }

        var lines = new System.Text.StringBuilder();
        lines.Append(CultureInfo.InvariantCulture, $"{"",-2}{"RELEASE",-20} {"TIME (UTC)",-19} {"OBJECTS",7} {"CHANGED",7}  SOURCE\n");
        foreach (var r in releases)
        {
            var time = r.Time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "(unreadable)";
            var changed = r.Counts is { } c ? c.Uploaded + c.HeadersUpdated + c.Deleted : 0;
            var source = string.Join(" ", new[] { r.Revision, r.Message, r.RolledBackTo is { } back ? $"(rollback to {back})" : null }.OfType<string>());
            lines.Append(CultureInfo.InvariantCulture, $"{(r.Live ? "* " : "  ")}{r.Id,-20} {time,-19} {r.Counts?.Objects,7} {changed,7}  {source}\n");
        }

        lines.Append("* live\n");
        return lines.ToString();
    }

    internal static string Json(IReadOnlyList<ReleaseSummary> releases)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("releases");
            foreach (var r in releases)
            {
                json.WriteStartObject();
                json.WriteString("id", r.Id);
                json.WriteBoolean("live", r.Live);
                if (r.Time is { } time)
                {
                    json.WriteString("time", time);
                }

                Optional(json, "revision", r.Revision);
                Optional(json, "message", r.Message);
                Optional(json, "rolledBackTo", r.RolledBackTo);
                if (r.Counts is { } c)
                {
                    json.WriteNumber("objects", c.Objects);
                    json.WriteNumber("uploaded", c.Uploaded);
                    json.WriteNumber("headersUpdated", c.HeadersUpdated);
                    json.WriteNumber("deleted", c.Deleted);
                    json.WriteNumber("preserved", c.Preserved);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
