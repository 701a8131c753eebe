using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Cli.Output;

/// <summary>Azure Pipelines logging commands, escaped as the agent unescapes them; outputs are output variables.</summary>
internal sealed class AzureDialect(string summaryFolder) : CiDialect
{
    public override string EndGroup => "##[endgroup]";

    public static bool IsActive(Func<string, string?> environment) => string.Equals(environment("TF_BUILD"), "True", StringComparison.OrdinalIgnoreCase);

    public static AzureDialect From(Func<string, string?> environment) =>
        new(environment("AGENT_TEMPDIRECTORY") is { Length: > 0 } temp ? temp : Path.GetTempPath());

    public static string Escape(string value) =>
        value.Replace("%", "%AZP25", StringComparison.Ordinal)
            .Replace(";", "%3B", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal)
            .Replace("]", "%5D", StringComparison.Ordinal);

    public static string SetOutput(string name, string value) => $"##vso[task.setvariable variable={Escape(name)};isoutput=true]{Escape(value)}";

    /// <summary>
    /// Azure documents variable names as letters, digits, '.' and '_' only, so "headers-updated" is set as "headersUpdated"
    /// (a hyphenated name is not reliably readable as $(step.name) in every place a pipeline reads it).
    /// </summary>
    public static string VariableName(string output)
    {
        var parts = output.Split('-');
        return parts[0] + string.Concat(parts[1..].Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    public static string UploadSummary(string path) => $"##vso[task.uploadsummary]{Escape(path)}";

    /// <summary>A group title is plain log text, so only a line break needs care.</summary>
    public override string Group(string title) => "##[group]" + title.ReplaceLineEndings(" ");

    public override string Warning(Diagnostic warning) => $"##vso[task.logissue type=warning;code={Escape(warning.Code)}]{Escape(warning.Message)}";

    public override string Error(string code, string message) => $"##vso[task.logissue type=error;code={Escape(code)}]{Escape(message)}";

    public override void Publish(DeployResult result, string markdown, Action<string> log)
    {
        foreach (var (name, value) in Outputs(result, ","))
        {
            log(SetOutput(VariableName(name), value));
        }

        var summary = Path.Combine(summaryFolder, $"s3deploy-summary-{Guid.NewGuid():N}.md");
        File.WriteAllText(summary, markdown);
        log(UploadSummary(Path.GetFullPath(summary)));
    }
}
