using System.Text.Json;
using System.Text.Json.Serialization;

namespace S3Deploy.Core.Remote;

/// <summary>
/// Reads the manifest's strings into ones the deploy already holds: an entry's key is the listed object's key, its
/// ETag (and its content id, when that is the same MD5) the listed ETag, and short repeated values (header
/// fingerprints) one string each. Parsed plainly, a million entries held ~300 MB of copies.
/// </summary>
internal sealed class ManifestStrings(Dictionary<string, RemoteObject> listed) : JsonConverter<string>
{
    private const int MaxStack = 512;
    private const int MaxShared = 16;

    private readonly Dictionary<string, RemoteObject>.AlternateLookup<ReadOnlySpan<char>> byKey = listed.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly HashSet<string> shortValues = new(StringComparer.Ordinal);
    private RemoteObject? current;

    /// <summary>Options for one parse: the converter remembers the entry it is in.</summary>
    public static JsonSerializerOptions Options(Dictionary<string, RemoteObject> listed)
    {
        var options = new JsonSerializerOptions(ManifestJson.Default.Options);
        options.Converters.Add(new ManifestStrings(listed));
        return options;
    }

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (ValueLength(ref reader) > MaxStack)
        {
            return reader.GetString();
        }

        Span<char> buffer = stackalloc char[MaxStack];
        var value = buffer[..reader.CopyString(buffer)];
        if (current is { } listedObject && value.SequenceEqual(listedObject.ETag))
        {
            return listedObject.ETag;
        }

        if (value.Length > MaxShared)
        {
            return value.ToString();
        }

        var shared = shortValues.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!shared.TryGetValue(value, out var known))
        {
            known = value.ToString();
            shortValues.Add(known);
        }

        return known;
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        current = null;
        if (ValueLength(ref reader) > MaxStack)
        {
            return reader.GetString()!;
        }

        Span<char> buffer = stackalloc char[MaxStack];
        var key = buffer[..reader.CopyString(buffer)];
        if (byKey.TryGetValue(key, out var known, out var listedObject))
        {
            current = listedObject;
            return known;
        }

        return key.ToString();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    /// <summary>UTF-8 bytes, never fewer than the characters they decode to.</summary>
    private static long ValueLength(ref Utf8JsonReader reader) => reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
}
