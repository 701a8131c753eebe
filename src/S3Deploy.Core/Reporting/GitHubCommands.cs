using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Reporting;

/// <summary>GitHub Actions workflow commands, escaped as the runner unescapes them.</summary>
public static class GitHubCommands
{
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    public static string Error(string code, string message) => $"::error title={EscapeProperty(code)}::{EscapeData(message)}";

    public static string Warning(Diagnostic warning) => $"::warning title={EscapeProperty(warning.Code)}::{EscapeData(warning.Message)}";

    public static string Group(string title) => $"::group::{EscapeData(title)}";

    public const string EndGroup = "::endgroup::";
}
