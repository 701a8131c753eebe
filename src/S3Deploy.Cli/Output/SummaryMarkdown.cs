using System.Globalization;
using System.Text;
using S3Deploy.Core;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Reporting;
using S3Deploy.Core.Text;

namespace S3Deploy.Cli.Output;

/// <summary>The Markdown summary a CI run shows on its summary page (GitHub step summary, Azure uploaded summary).</summary>
internal static class SummaryMarkdown
{
    public const int MaxFiles = 50;

    public static string Build(DeployResult result, string source, S3Target target, int maxFiles = MaxFiles, string? name = null)
    {
        source = SummaryLine.SourceOf(result, source);
        var md = new StringBuilder();
        var title = result.DryRun ? "S3Deploy plan (dry run, nothing changed)" : result.ChangedNothing ? "S3Deploy: up to date" : "S3Deploy: deployed";
        md.Append(CultureInfo.InvariantCulture, $"### {title}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{Escape(source)} → {Escape(target.ToString())}{(name is null ? "" : $" (target {Escape(name)})")}\n\n");
        md.Append("| uploaded | headers updated | deleted | unchanged | bytes uploaded | duration |\n");
        md.Append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        var seconds = result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        md.Append(CultureInfo.InvariantCulture, $"| {result.Uploaded} | {result.HeadersUpdated} | {result.Deleted} | {result.Unchanged} | {Bytes.Format(result.BytesUploaded)} | {seconds} s |\n\n");
        if (result.WebsiteUrl is { } url)
        {
            md.Append(CultureInfo.InvariantCulture, $"Website: {url}\n\n");
        }

        if (result.PreviewUrl is { } preview)
        {
            md.Append(CultureInfo.InvariantCulture, $"Preview: {preview}\n\n");
        }

        foreach (var invalidation in result.Invalidations)
        {
            var what = invalidation.Id is null ? $"would invalidate {Plural.Of(invalidation.Paths.Count, "path")}" : $"invalidation `{invalidation.Id}` ({invalidation.Status}), {Plural.Of(invalidation.Paths.Count, "path")}";
            md.Append(CultureInfo.InvariantCulture, $"CloudFront `{invalidation.DistributionId}`: {what}\n\n");
        }

        if (result.KeptStale > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"Kept {Plural.Of(result.KeptStale, "stale object")} for now; a later deploy deletes them.\n\n");
        }

        if (Core.Reporting.ReleaseLine.For(result, target) is { } release)
        {
            md.Append(CultureInfo.InvariantCulture, $"{Escape(release)}\n\n");
        }

        foreach (var warning in result.Warnings)
        {
            md.Append(CultureInfo.InvariantCulture, $"> Warning: {Escape(warning.ToString())}\n\n");
        }

        if (result.Actions.Count > 0)
        {
            AppendChanges(md, result.Actions, maxFiles);
        }

        return md.ToString();
    }

    /// <summary>Text from file names and messages must not open links, HTML, code or table cells.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            _ = c switch
            {
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '&' => escaped.Append("&amp;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static void AppendChanges(StringBuilder md, IReadOnlyList<PlannedAction> actions, int maxFiles)
    {
        md.Append("| file | action | reason |\n| --- | --- | --- |\n");
        foreach (var action in actions.OrderBy(a => a.RelativeKey, StringComparer.Ordinal).Take(maxFiles))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Escape(action.RelativeKey)} | {action.KindName} | {action.ReasonName} |\n");
        }

        md.Append('\n');
        if (actions.Count > maxFiles)
        {
            md.Append(CultureInfo.InvariantCulture, $"…and {Plural.Of(actions.Count - maxFiles, "more changed file")}.\n\n");
        }
    }
}
