using System.Text.Json;
using System.Text.Json.Nodes;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Config;

/// <summary>
/// What an adapter's options say (flags, Action inputs), written field by field into s3deploy.json's shape together with the
/// name each field goes by there, so a bad value is reported as <c>--max-deletes: …</c> or <c>input 'max-deletes': …</c>.
/// </summary>
/// <param name="spoken">How the adapter writes one of its names in a message, e.g. <c>name => $"input '{name}'"</c>.</param>
internal sealed class GivenConfig(Func<string, string> spoken)
{
    private readonly JsonObject values = [];
    private readonly List<(string Path, ConfigValidator.Error Error)> names = [];

    /// <param name="field">Where the value goes in s3deploy.json, e.g. "maxDeletes" or "website.index".</param>
    /// <param name="name">The option or input that gave it, e.g. "--max-deletes".</param>
    public GivenConfig Set(string field, JsonNode value, string name)
    {
        var parts = field.Split('.');
        var node = values;
        foreach (var part in parts[..^1])
        {
            node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject())!;
        }

        // "--website" after "--index-document" must not drop the index document.
        if (!(value is JsonObject && node[parts[^1]] is JsonObject))
        {
            node[parts[^1]] = value;
        }

        names.Add(("$." + field, (_, message, code) => new DeployException(
            code == DiagnosticCode.ConfigBadValue ? DiagnosticCode.BadOption : code, FailureKind.Usage, $"{spoken(name)}: {message}") { Option = name }));
        return this;
    }

    public DeployConfig ToConfig(string baseDirectory)
    {
        var config = values.Deserialize(ConfigJson.Default.DeployConfig)!;
        config.BaseDirectory = baseDirectory;
        config.Origins = FieldOrigins.Of(names);
        return config;
    }
}
