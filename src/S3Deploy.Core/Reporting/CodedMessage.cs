using System.Text.RegularExpressions;

namespace S3Deploy.Core.Reporting;

/// <summary>Warnings travel as "S3D1xx: text"; CI annotations want the code and the text apart.</summary>
public static partial class CodedMessage
{
    public static (string? Code, string Text) Split(string message)
    {
        var match = Coded().Match(message);
        return match.Success ? (match.Groups[1].Value, message[match.Length..]) : (null, message);
    }

    [GeneratedRegex(@"^(S3D[0-9]{3}): ")]
    private static partial Regex Coded();
}
