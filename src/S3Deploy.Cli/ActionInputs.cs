using System.Globalization;
using System.Text.Json.Nodes;
using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Cli;

/// <summary>
/// The action's inputs as the runner passes them (INPUT_NAME, upper case, hyphens kept), laid over s3deploy.json.
/// An input left empty says nothing, so the config file (or the built-in default) decides. A bad value is named as the
/// input that gave it: <c>input 'max-deletes': must be 0 or more.</c>
/// </summary>
internal sealed class ActionInputs(Func<string, string?> environment)
{
    /// <summary>Input 'rollback: true' (or a 'rollback-to' id): return the prefix to a release instead of deploying.</summary>
    public bool Rollback => Bool("rollback") == true || RollbackTo is not null;

    public string? RollbackTo => Text("rollback-to");

    public DeployOptions ToOptions(string workspace)
    {
        // A rollback reads no folder, so it needs no source.
        var source = Rollback ? Text("source") ?? "." : Required("source");
        var name = Text("target");

        // A named target may give the bucket itself ("target" in its block), so the input is then optional.
        var bucket = name is null ? Required("bucket") : Text("bucket");
        var prefix = Text("prefix")?.Trim('/');
        var configPath = Text("config") is { } c ? Path.GetFullPath(c, workspace) : Beside(workspace);
        var file = ConfigFile.Find(configPath) ?? new DeployConfig();
        var website = Bool("website");
        var given = new GivenConfig(input => $"input '{input}'").Set("source", JsonValue.Create(source), "source");
        if (bucket is not null)
        {
            given.Set("target", JsonValue.Create(prefix is { Length: > 0 } ? $"s3://{bucket}/{prefix}" : $"s3://{bucket}"), "bucket");
        }

        if (website == true)
        {
            given.Set("website", new JsonObject(), "website");
        }

        // Where each input goes in s3deploy.json's shape, and so which input an error about that field names.
        From(given, "region", "region", Text);
        From(given, "endpoint-url", "endpointUrl", Text);
        From(given, "delete", "delete", Bool);
        From(given, "max-deletes", "maxDeletes", Int);
        From(given, "exclude", "exclude", name => List(name));
        From(given, "concurrency", "concurrency", Int);
        From(given, "public", "public", Bool);
        From(given, "hash-cache", "hashCache", Bool);
        From(given, "cloudfront-distribution-id", "cloudfront.distributions", name => List(name, ','));
        From(given, "wait-for-invalidation", "cloudfront.wait", Bool);
        From(given, "cloudfront-hosting", "cloudfront.hosting", Bool);
        From(given, "keep-releases", "keepReleases", Int);
        var options = file.WithTarget(name).OverriddenBy(given.ToConfig(workspace)).ToOptions(Bool("dry-run") ?? false) with { TargetName = name, ReleaseMessage = Text("message"), BreakLock = Bool("break-lock") ?? false };
        options = PreviewSite.For(options, Text("preview"));
        if (Text("role-to-assume") is { } roleArn)
        {
            // With 'permissions: id-token: write' the runner offers an OIDC token: no credentials needed before it.
            var role = new RoleOptions(roleArn, Text("role-external-id"), Text("role-session-name"), GitHubOidcToken.FromEnvironment(environment));
            options = options with { Connection = options.Connection with { Role = role } };
        }

        return website == false ? options with { Website = null } : options;
    }

    private static void From<T>(GivenConfig given, string input, string field, Func<string, T?> read)
    {
        JsonNode? value = read(input) switch
        {
            null => null,
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            int number => JsonValue.Create(number),
            List<string> items => new JsonArray([.. items.Select(i => JsonValue.Create(i))]),
            var other => throw new InvalidOperationException($"No JSON for {other.GetType().Name}."),
        };
        if (value is not null)
        {
            given.Set(field, value, input);
        }
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
