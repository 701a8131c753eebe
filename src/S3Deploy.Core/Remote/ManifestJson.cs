using System.Text.Json.Serialization;

namespace S3Deploy.Core.Remote;

/// <summary>Source-generated, so the manifest reads and writes the same in a trimmed build (the GitHub Action's image).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ManifestDocument))]
internal sealed partial class ManifestJson : JsonSerializerContext;
