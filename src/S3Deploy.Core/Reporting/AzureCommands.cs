using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Reporting;

/// <summary>Azure Pipelines logging commands, escaped as the agent unescapes them.</summary>
public static class AzureCommands
{
    public const string EndGroup = "##[endgroup]";

    public static string Escape(string value) =>
        value.Replace("%", "%AZP25", StringComparison.Ordinal)
            .Replace(";", "%3B", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal)
            .Replace("]", "%5D", StringComparison.Ordinal);

    public static string SetOutput(string name, string value) => $"##vso[task.setvariable variable={Escape(name)};isoutput=true]{Escape(value)}";

    public static string Error(string code, string message) => $"##vso[task.logissue type=error;code={Escape(code)}]{Escape(message)}";

    public static string Warning(Diagnostic warning) => $"##vso[task.logissue type=warning;code={Escape(warning.Code)}]{Escape(warning.Message)}";

    public static string UploadSummary(string path) => $"##vso[task.uploadsummary]{Escape(path)}";

    /// <summary>A group title is plain log text, so only a line break needs care.</summary>
    public static string Group(string title) => "##[group]" + title.ReplaceLineEndings(" ");
}
