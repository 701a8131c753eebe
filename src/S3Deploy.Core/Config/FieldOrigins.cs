using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;

namespace S3Deploy.Core.Config;

/// <summary>
/// Which source gave each field of a (layered) config, so the one validator names a bad value in the words of that source:
/// a file's line, a command-line flag, an Action input.
/// </summary>
internal sealed class FieldOrigins
{
    private readonly IReadOnlyList<Origin> origins;

    private FieldOrigins(IReadOnlyList<Origin> origins) => this.origins = origins;

    /// <summary>A config built in code: its fields are named as s3deploy.json names them, and a bad one is a bad option.</summary>
    public static FieldOrigins Unnamed { get; } = Everywhere((path, message, code) =>
        DeployException.Usage(code == DiagnosticCode.ConfigBadValue ? DiagnosticCode.BadOption : code, $"{HeaderValues.Printable(Field(path))}: {message}"));

    public static FieldOrigins Everywhere(ConfigValidator.Error error) => new([new Origin("$", error)]);

    public static FieldOrigins Of(IEnumerable<(string Path, ConfigValidator.Error Error)> fields) =>
        new([.. Unnamed.origins, .. fields.Select(f => new Origin(f.Path, f.Error))]);

    /// <summary>"$.rules[0].match" reads better as "rules[0].match".</summary>
    public static string Field(string path) => path == "$" ? "(top level)" : path.TrimStart('$').TrimStart('.');

    public DeployException Error(string path, string message, string code) => At(path)(path, message, code);

    /// <summary>These origins, with <paramref name="path"/> and everything under it given by <paramref name="over"/>.</summary>
    public FieldOrigins With(string path, FieldOrigins over) => new(
    [
        .. origins.Where(o => !Covers(path, o.Path)),
        new Origin(path, over.At(path)),
        .. over.origins.Where(o => o.Path != path && Covers(path, o.Path)),
    ]);

    private ConfigValidator.Error At(string path) =>
        origins.Where(o => Covers(o.Path, path)).MaxBy(o => o.Path.Length)?.Error ?? Unnamed.origins[0].Error;

    private static bool Covers(string outer, string path) =>
        path == outer || (path.StartsWith(outer, StringComparison.Ordinal) && path[outer.Length] is '.' or '[');

    private sealed record Origin(string Path, ConfigValidator.Error Error);
}
