using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Config;

/// <summary>
/// A named target is one more layer between the file's top level and the flags: its fields override the top level's, and a
/// bad value it gives is named by its place in the file (<c>s3deploy.json:12: targets.staging.maxDeletes: …</c>).
/// </summary>
internal static class NamedTargets
{
    /// <summary>
    /// The file's top level with target <paramref name="name"/> laid over it (no name: the top level alone). Every target is
    /// checked, not only the chosen one, so a mistake in production's block fails the staging deploy before it reaches production.
    /// </summary>
    public static DeployConfig WithTarget(this DeployConfig file, string? name)
    {
        var targets = file.Targets ?? [];
        var layers = targets.ToDictionary(t => t.Key, t => Layer(file, t.Key, t.Value), StringComparer.Ordinal);
        var top = file.OverriddenBy(new DeployConfig { BaseDirectory = file.BaseDirectory });
        top.Targets = null;
        foreach (var layer in layers.Values)
        {
            top.OverriddenBy(layer).Validate();
        }

        if (name is null)
        {
            return top;
        }

        if (!layers.TryGetValue(name, out var chosen))
        {
            var known = targets.Count == 0 ? "no \"targets\" are defined" : "the known targets are " + string.Join(", ", targets.Keys.Order(StringComparer.Ordinal));
            throw file.Origins.Error("$.targets", $"there is no target '{Headers.HeaderValues.Printable(name)}': {known}.", DiagnosticCode.UnknownTarget);
        }

        return top.OverriddenBy(chosen);
    }

    private static DeployConfig Layer(DeployConfig file, string name, DeployConfig? target)
    {
        var at = "$.targets" + JsonLines.Segment(name);
        if (target is null || target.Targets is not null)
        {
            throw file.Origins.Error(target is null ? at : at + ".targets", "a target is an object of top-level fields, without \"targets\" of its own.", DiagnosticCode.ConfigBadValue);
        }

        target.BaseDirectory = file.BaseDirectory;
        target.Origins = FieldOrigins.Everywhere((path, message, code) => file.Origins.Error(at + path[1..], message, code));
        return target;
    }
}
