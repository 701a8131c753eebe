using System.Globalization;
using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Cli;

/// <summary>
/// The action's inputs as the runner passes them (INPUT_NAME, upper case, hyphens kept), laid over s3deploy.json.
/// An input left empty says nothing, so the config file (or the built-in default) decides.
/// </summary>
internal sealed class ActionInputs(Func<string, string?> environment)
{
    public DeployOptions ToOptions(string workspace)
    {
        var source = Required("source");
        var bucket = Required("bucket");
        var prefix = Text("prefix")?.Trim('/');
        var configPath = Text("config") is { } c ? Path.GetFullPath(c, workspace) : Beside(workspace);
        var file = ConfigFile.Find(configPath) ?? new DeployConfig();
        var website = Bool("website");
        var distributions = List("cloudfront-distribution-id", ',');
        var wait = Bool("wait-for-invalidation");
        var given = new DeployConfig
        {
            Source = source,
            BaseDirectory = workspace,
            Target = prefix is { Length: > 0 } ? $"s3://{bucket}/{prefix}" : $"s3://{bucket}",
            Region = Text("region"),
            EndpointUrl = Text("endpoint-url"),
            Delete = Bool("delete"),
            MaxDeletes = Int("max-deletes"),
            Exclude = List("exclude"),
            Concurrency = Int("concurrency"),
            Website = website == true ? new WebsiteConfig() : null,
            Public = Bool("public"),
            Cloudfront = distributions is null && wait is null ? null : new CloudFrontConfig { Distributions = distributions, Wait = wait },
        };
        var options = file.OverriddenBy(given).ToOptions(Bool("dry-run") ?? false);
        return website == false ? options with { Website = null } : options;
    }

    private static string? Beside(string workspace)
    {
        var path = Path.Combine(workspace, ConfigFile.DefaultName);
        return File.Exists(path) ? path : null;
    }

    private string? Text(string name) =>
        environment("INPUT_" + name.Replace(' ', '_').ToUpperInvariant()) is { } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private string Required(string name) => Text(name) ?? throw Bad($"Input '{name}' is required.");

    private bool? Bool(string name) => Text(name) switch
    {
        null => null,
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        var other => throw Bad($"Input '{name}' must be true or false, not '{other}'."),
    };

    private int? Int(string name) => Text(name) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
        var other => throw Bad($"Input '{name}' must be a whole number, not '{other}'."),
    };

    /// <summary>One item a line (and, where given, also split on <paramref name="separator"/>); blank lines are ignored.</summary>
    private List<string>? List(string name, char separator = '\n') =>
        Text(name)?.Split(['\n', '\r', separator], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() is { Count: > 0 } items ? items : null;

    private static DeployException Bad(string message) => DeployException.Usage(DiagnosticCode.BadOption, message);
}
