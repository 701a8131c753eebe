using System.Text;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Cli.Output;

/// <summary>GitHub Actions workflow commands, escaped as the runner unescapes them; outputs and summary go to the files the runner names.</summary>
internal sealed class GitHubDialect(string? outputFile, string? summaryFile) : CiDialect
{
    public override string EndGroup => "::endgroup::";

    public static bool IsActive(Func<string, string?> environment) => string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public static GitHubDialect From(Func<string, string?> environment) => new(environment("GITHUB_OUTPUT"), environment("GITHUB_STEP_SUMMARY"));

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>name=value, or the heredoc form for values with line breaks.</summary>
    public static string OutputFile(IEnumerable<KeyValuePair<string, string>> outputs, Func<string> newDelimiter) =>
        string.Concat(outputs.Select(o => o.Value.AsSpan().IndexOfAny('\r', '\n') < 0 ? $"{o.Key}={o.Value}\n" : Heredoc(o.Key, o.Value, newDelimiter())));

    public override string Group(string title) => $"::group::{EscapeData(title)}";

    public override string Warning(Diagnostic warning) => $"::warning title={EscapeProperty(warning.Code)}::{EscapeData(warning.Message)}";

    public override string Error(string code, string message) => $"::error title={EscapeProperty(code)}::{EscapeData(message)}";

    public override void Publish(DeployResult result, string markdown, Action<string> log)
    {
        Append(outputFile, OutputFile(Outputs(result, "\n"), () => "ghadelimiter_" + Guid.NewGuid().ToString("D")));
        Append(summaryFile, markdown);
    }

    private static string Heredoc(string name, string value, string delimiter) => $"{name}<<{delimiter}\n{value}\n{delimiter}\n";

    private static void Append(string? path, string text)
    {
        if (path is { Length: > 0 })
        {
            File.AppendAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }
}
