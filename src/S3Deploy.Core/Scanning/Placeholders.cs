using System.Text;
using System.Text.RegularExpressions;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

/// <summary>
/// <c>${NAME}</c> in a substituted file becomes NAME's value; <c>$${NAME}</c> stays as the literal <c>${NAME}</c> (a JavaScript
/// template literal, say). The bytes must be UTF-8; everything outside the placeholders is kept byte for byte, a BOM included.
/// </summary>
internal static partial class Placeholders
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsName(string name) => Name().IsMatch(name);

    /// <param name="key">The file's key, to name it in an error.</param>
    /// <param name="value">A name's value, or null when nothing gives one.</param>
    public static byte[] Replace(byte[] bytes, string key, Func<string, string?> value)
    {
        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw DeployException.Usage(DiagnosticCode.SubstituteNotText, $"{key}: \"substitute\" names it, but it is not UTF-8 text, so no ${{NAME}} in it can be replaced. Remove it from \"substitute\"; nothing was contacted.");
        }

        var replaced = Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (match.Groups["escape"].Success)
            {
                return "${" + name + "}";
            }

            return value(name) ?? throw DeployException.Usage(
                DiagnosticCode.UnresolvedPlaceholder,
                $"{key}:{Line(text, match.Index)}: ${{{name}}} has no value: give \"values\": {{ \"{name}\": … }} in s3deploy.json (or its target), or set {SubstitutedFiles.EnvironmentPrefix}{name}. Nothing was contacted.");
        });
        return Strict.GetBytes(replaced);
    }

    private static int Line(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');

    [GeneratedRegex(@"(?<escape>\$)?\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
