using System.Buffers;
using System.Text.Json;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Releases;

/// <summary>
/// Reads one release record as it streams and keeps only its content ids (<c>objects.*.hash</c>), its version and id:
/// the deploy path's view of a kept release. The ids join the shared set only once the record proved to be the release
/// asked for, so a wrong record leaves nothing behind.
/// </summary>
/// <param name="listed">The objects just listed: a content id equal to its key's listed ETag is that string, not a copy.</param>
internal sealed class ReleaseHashReader(string id, ReleaseReferences into, Dictionary<string, RemoteObject>? listed = null)
{
    private const int Chunk = 64 * 1024;

    /// <summary>No token of a record comes near this (keys are at most 1 KB); a longer one is not a release.</summary>
    private const int MaxToken = 1024 * 1024;
    private const int MaxStack = 512;

    private readonly HashSet<string> added = new(StringComparer.Ordinal);
    private readonly HashSet<string> withoutVersion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RemoteObject>.AlternateLookup<ReadOnlySpan<char>>? byKey = listed?.GetAlternateLookup<ReadOnlySpan<char>>();
    private RemoteObject? entry;
    private JsonReaderState state;
    private Top top;
    private bool inHash;
    private bool inVersionId;
    private bool entryHash;
    private string? entryHashValue;
    private bool entryVersioned;
    private bool anyVersion;
    private bool objectsRead;
    private int? version;
    private string? readId;

    private enum Top
    {
        Other,
        Version,
        Id,
        Objects,
    }

    /// <summary>True, and the record's content ids added, when the body is a release record of this id and version.</summary>
    /// <exception cref="JsonException">The body is not JSON, or holds a token over <see cref="MaxToken"/> bytes.</exception>
    public async Task<bool> ReadAsync(Stream body, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            var held = 0;
            while (true)
            {
                if (held == buffer.Length)
                {
                    buffer = Grow(buffer);
                }

                var n = await body.ReadAsync(buffer.AsMemory(held), ct);
                held += n;
                var consumed = Feed(buffer.AsSpan(0, held), final: n == 0);
                buffer.AsSpan(consumed, held - consumed).CopyTo(buffer);
                held -= consumed;
                if (n == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (version != ReleaseRecord.CurrentVersion || readId != id || !objectsRead)
        {
            return false;
        }

        into.Add(id, added, anyVersion || withoutVersion.Count == 0 ? withoutVersion : null);
        return true;
    }

    private static byte[] Grow(byte[] buffer)
    {
        if (buffer.Length >= MaxToken)
        {
            throw new JsonException($"A token of the release record is longer than {MaxToken} bytes.");
        }

        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private int Feed(ReadOnlySpan<byte> data, bool final)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (reader.Read())
        {
            Handle(ref reader);
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private void Handle(ref Utf8JsonReader reader)
    {
        switch (reader.CurrentDepth)
        {
            case 0 when reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.EndObject):
                throw new JsonException("A release record is a JSON object.");
            case 1 when reader.TokenType == JsonTokenType.PropertyName:
                top = reader.ValueTextEquals("version"u8) ? Top.Version : reader.ValueTextEquals("id"u8) ? Top.Id : reader.ValueTextEquals("objects"u8) ? Top.Objects : Top.Other;
                break;
            case 1 when top == Top.Version:
                version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : null;
                break;
            case 1 when top == Top.Id:
                readId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                break;
            case 1 when top == Top.Objects:
                objectsRead |= reader.TokenType == JsonTokenType.StartObject;
                break;
            case 2 when top == Top.Objects:
                Entry(ref reader);
                break;
            case 3 when top == Top.Objects && reader.TokenType == JsonTokenType.PropertyName:
                inHash = reader.ValueTextEquals("hash"u8);
                inVersionId = reader.ValueTextEquals("versionId"u8);
                break;
            case 3 when top == Top.Objects && inHash:
                AddHash(ref reader);
                break;
            case 3 when top == Top.Objects && inVersionId:
                entryVersioned = reader.TokenType == JsonTokenType.String;
                anyVersion |= entryVersioned;
                break;
        }
    }

    /// <summary>Every key's entry is an object with a content id: a record that lacks one cannot vouch for what it needs.</summary>
    private void Entry(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                entry = Listed(ref reader);
                break;
            case JsonTokenType.StartObject:
                (entryHash, entryHashValue, entryVersioned) = (false, null, false);
                break;
            case JsonTokenType.EndObject when entryHash:
                if (!entryVersioned)
                {
                    withoutVersion.Add(entryHashValue!);
                }

                break;
            default:
                throw new JsonException("An entry of the release record's objects has no content id.");
        }
    }

    /// <summary>One string per distinct content id, across the records already read and this one.</summary>
    private void AddHash(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A content id of the release record is not a string.");
        }

        entryHash = true;
        if (reader.ValueSpan.Length > MaxStack)
        {
            entryHashValue = reader.GetString()!;
            added.Add(entryHashValue);
            return;
        }

        Span<char> chars = stackalloc char[MaxStack];
        var hash = chars[..reader.CopyString(chars)];
        if (into.TryGetShared(hash, out var shared) || added.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(hash, out shared))
        {
            entryHashValue = shared;
            return;
        }

        entryHashValue = entry is { } listedObject && hash.SequenceEqual(listedObject.ETag) ? listedObject.ETag : hash.ToString();
        added.Add(entryHashValue);
    }

    private RemoteObject? Listed(ref Utf8JsonReader reader)
    {
        if (byKey is not { } lookup || reader.ValueSpan.Length > MaxStack)
        {
            return null;
        }

        Span<char> chars = stackalloc char[MaxStack];
        return lookup.TryGetValue(chars[..reader.CopyString(chars)], out var listedObject) ? listedObject : null;
    }
}
