using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Config;

/// <summary>
/// Reads s3deploy.json: syntax and types here; the values when the layered config becomes options (one validator for every
/// source). Every mistake names the file, the line and the field, before anything is contacted.
/// </summary>
internal static partial class ConfigFile
{
    public const string DefaultName = "s3deploy.json";

    /// <summary>The explicit file, else s3deploy.json in the working directory if there is one, else null.</summary>
    public static DeployConfig? Find(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? Load(explicitPath)
                : throw DeployException.Usage(DiagnosticCode.ConfigNotFound, $"Config file '{explicitPath}' does not exist.");
        }

        var beside = Path.Combine(Environment.CurrentDirectory, DefaultName);
        return File.Exists(beside) ? Load(beside) : null;
    }

    public static DeployConfig Load(string path)
    {
        // Through text, so a byte-order mark (Visual Studio, PowerShell) is dropped; JsonLines counts lines in these same bytes.
        var bytes = WebsiteShorthand.Expand(System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(path)));
        var name = Path.GetRelativePath(Environment.CurrentDirectory, path);
        DeployConfig config;
        try
        {
            config = JsonSerializer.Deserialize(bytes, ConfigJson.Default.DeployConfig)
                ?? throw DeployException.Usage(DiagnosticCode.ConfigSyntax, $"{name}:1: the file must hold a JSON object, not null.");
        }
        catch (JsonException e)
        {
            throw Describe(e, name);
        }

        config.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        config.Origins = FieldOrigins.Everywhere((field, message, code) =>
            DeployException.Usage(code, $"{name}:{JsonLines.LineOf(bytes, field) ?? 1}: {Headers.HeaderValues.Printable(FieldOrigins.Field(field))}: {message}"));
        return config;
    }

    private static DeployException Describe(JsonException e, string name)
    {
        var line = (e.LineNumber ?? 0) + 1;
        var field = FieldOrigins.Field(e.Path ?? "$");
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return DeployException.Usage(DiagnosticCode.ConfigUnknownField, $"{name}:{line}: unknown field '{field}'. See s3deploy.schema.json for the fields that exist.");
        }

        var converted = ConvertedTo().Match(e.Message);
        if (converted.Success)
        {
            return DeployException.Usage(DiagnosticCode.ConfigBadValue, $"{name}:{line}: {field}: expected {Expected(converted.Groups[1].Value)}.");
        }

        var reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
        return DeployException.Usage(DiagnosticCode.ConfigSyntax, $"{name}:{line}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {reason}.");
    }

    private static string Expected(string clrType) => clrType switch
    {
        _ when clrType.Contains(nameof(WebsiteConfig), StringComparison.Ordinal) => "true, false or an object",
        _ when clrType.Contains("Int32", StringComparison.Ordinal) => "a whole number",
        _ when clrType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when clrType.Contains("List", StringComparison.Ordinal) => "an array",
        _ when clrType.Contains("Dictionary", StringComparison.Ordinal) || clrType.Contains("Config", StringComparison.Ordinal) => "an object",
        _ => "a string",
    };

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.? Path")]
    private static partial Regex ConvertedTo();
}
