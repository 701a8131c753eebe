namespace S3Deploy.Core.Remote;

/// <summary>
/// The source folder's keys, so an object listed under one of them holds the folder's own string for its key instead of
/// a copy: at a million keys the copy is ~90 MB.
/// </summary>
internal sealed class KeyPool
{
    public static readonly KeyPool Empty = new([]);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> keys;

    public KeyPool(IEnumerable<string> keys) => this.keys = new HashSet<string>(keys, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The key of <paramref name="fullKey"/> below a prefix of <paramref name="prefixLength"/> characters.</summary>
    public string Relative(string fullKey, int prefixLength)
    {
        var relative = fullKey.AsSpan(prefixLength);
        return keys.TryGetValue(relative, out var known) ? known : relative.ToString();
    }
}
