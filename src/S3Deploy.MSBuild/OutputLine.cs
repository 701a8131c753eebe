using System.Text.RegularExpressions;

namespace S3Deploy.MSBuild;

internal enum OutputLineKind
{
    Message,
    Warning,
    Error,
}

/// <summary>A line s3deploy wrote to stderr: <c>error S3D010: …</c>, <c>warning: S3D020: …</c>, <c>warning S3D1xx: …</c> or anything else.</summary>
internal sealed class OutputLine(OutputLineKind kind, string? code, string message)
{
    private static readonly Regex Diagnostic = new(@"^(?<kind>error|warning)(:?\s+|:\s*)(?:(?<code>S3D\d+)\s*:\s*)?(?<message>.*)$", RegexOptions.CultureInvariant);

    public OutputLineKind Kind { get; } = kind;

    public string? Code { get; } = code;

    public string Message { get; } = message;

    public static OutputLine Parse(string line)
    {
        var match = Diagnostic.Match(line);
        if (!match.Success)
        {
            return new OutputLine(OutputLineKind.Message, null, line);
        }

        var kind = match.Groups["kind"].Value == "error" ? OutputLineKind.Error : OutputLineKind.Warning;
        var code = match.Groups["code"].Success ? match.Groups["code"].Value : null;
        return new OutputLine(kind, code, match.Groups["message"].Value);
    }
}
