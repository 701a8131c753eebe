using System.Globalization;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Cli.Output;

/// <summary>What differs between CI systems: the syntax of their log commands and where a step leaves its outputs and summary.</summary>
internal abstract class CiDialect
{
    public abstract string EndGroup { get; }

    public abstract string Group(string title);

    public abstract string Warning(Diagnostic warning);

    public abstract string Error(string code, string message);

    /// <summary>Sets the step's outputs and shows the Markdown summary on the run's page.</summary>
    public abstract void Publish(DeployResult result, string markdown, Action<string> log);

    /// <summary>The step outputs by the names action.yml and task.json declare.</summary>
    /// <param name="idSeparator">How invalidation ids are joined: a line break where outputs may span lines (GitHub), else a comma.</param>
    protected static IReadOnlyList<KeyValuePair<string, string>> Outputs(DeployResult result, string idSeparator) =>
    [
        new("uploaded", Number(result.Uploaded)),
        new("headers-updated", Number(result.HeadersUpdated)),
        new("deleted", Number(result.Deleted)),
        new("unchanged", Number(result.Unchanged)),
        new("bytes-uploaded", Number(result.BytesUploaded)),
        new("invalidation-ids", string.Join(idSeparator, result.Invalidations.Where(i => i.Id is not null).Select(i => i.Id))),
        new("website-url", result.WebsiteUrl ?? ""),
        new("preview-url", result.PreviewUrl ?? ""),
        new("url", result.PreviewUrl ?? result.WebsiteUrl ?? ""),
    ];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
