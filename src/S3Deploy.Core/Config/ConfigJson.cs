using System.Text.Json;
using System.Text.Json.Serialization;

namespace S3Deploy.Core.Config;

/// <summary>
/// Source-generated, so s3deploy.json reads the same in a trimmed build (the GitHub Action's image). Written back only to
/// layer configs (<see cref="DeployConfig.OverriddenBy"/>), where a null field is one nobody set.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeployConfig))]
internal sealed partial class ConfigJson : JsonSerializerContext;
