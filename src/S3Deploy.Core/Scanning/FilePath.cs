namespace S3Deploy.Core.Scanning;

/// <summary>
/// A path as the folder it is in (shared by every file of the scan) and the rest, which is usually the file's key
/// itself, so a file holds no path string of its own. Equal when the full paths are.
/// </summary>
internal readonly struct FilePath(string folder, string below) : IEquatable<FilePath>
{
    public FilePath(string full)
        : this("", full)
    {
    }

    /// <summary>The part after the shared folder: the key's own string for a file the scan found at its key.</summary>
    public string Below => below ?? "";

    public string Full => folder is null or "" ? below ?? "" : string.Concat(folder, below);

    /// <summary>
    /// <paramref name="real"/> as <paramref name="rootSlash"/> (the source folder's real path and a separator) and
    /// <paramref name="key"/> where it is exactly that, else whole.
    /// </summary>
    public static FilePath Of(string real, string rootSlash, string key) =>
        real.Length == rootSlash.Length + key.Length && real.StartsWith(rootSlash, StringComparison.Ordinal) && real.AsSpan(rootSlash.Length).SequenceEqual(key)
            ? new FilePath(rootSlash, key)
            : new FilePath(real);

    public bool Equals(FilePath other) => Full == other.Full;

    public override bool Equals(object? obj) => obj is FilePath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Full);

    public override string ToString() => Full;

    public static bool operator ==(FilePath left, FilePath right) => left.Equals(right);

    public static bool operator !=(FilePath left, FilePath right) => !left.Equals(right);
}
