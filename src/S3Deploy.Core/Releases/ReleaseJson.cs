using System.Text.Json.Serialization;

namespace S3Deploy.Core.Releases;

/// <summary>Source-generated, so release records read and write the same in a trimmed or native build.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReleaseRecord))]
[JsonSerializable(typeof(DeployLock))]
internal sealed partial class ReleaseJson : JsonSerializerContext;
