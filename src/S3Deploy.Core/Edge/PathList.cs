namespace S3Deploy.Core.Edge;

/// <summary>
/// Sorted paths front-coded to fit CloudFront's 10 KB code limit: each entry is one character whose code, less 48, says how
/// many leading characters it shares with the entry before, then the rest. '/_framework/a.wasm', '/_framework/b.wasm' → '0/_framework/a.wasm', '<b.wasm'.
/// </summary>
internal static class PathList
{
    private const int Offset = 48;

    // Keys are at most 1,024 bytes, so a shared length stays far below the surrogate range.
    private const int MaxShared = 1024;

    public static IReadOnlyList<string> Encode(IEnumerable<string> paths)
    {
        var encoded = new List<string>();
        var previous = "";
        foreach (var path in paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var shared = 0;
            var limit = Math.Min(Math.Min(previous.Length, path.Length), MaxShared);
            while (shared < limit && previous[shared] == path[shared])
            {
                shared++;
            }

            // Never split a surrogate pair: the rest must start on a whole character.
            if (shared > 0 && shared < path.Length && char.IsLowSurrogate(path[shared]))
            {
                shared--;
            }

            encoded.Add((char)(Offset + shared) + path[shared..]);
            previous = path;
        }

        return encoded;
    }

    public static IReadOnlyList<string> Decode(IEnumerable<string> entries)
    {
        var decoded = new List<string>();
        var previous = "";
        foreach (var entry in entries)
        {
            previous = previous[..(entry[0] - Offset)] + entry[1..];
            decoded.Add(previous);
        }

        return decoded;
    }
}
