namespace S3Deploy.Core.Scanning;

/// <summary>A file of the source folder: its key relative to the target prefix, where to read it, and what it holds.</summary>
public sealed record LocalFile
{
    public LocalFile(string relativeKey, string fullPath, long size, string md5Hex)
        : this(relativeKey, new FilePath(fullPath), size, md5Hex)
    {
    }

    internal LocalFile(string relativeKey, FilePath location, long size, string md5Hex)
    {
        RelativeKey = relativeKey;
        Location = location;
        Size = size;
        Md5Hex = md5Hex;
    }

    public string RelativeKey { get; init; }

    /// <summary>Built when asked for: a million files hold their folder once and their keys, not a million full paths.</summary>
    public string FullPath
    {
        get => Location.Full;
        init => Location = new FilePath(value);
    }

    public long Size { get; init; }

    public string Md5Hex { get; init; }

    internal FilePath Location { get; init; }

    public void Deconstruct(out string relativeKey, out string fullPath, out long size, out string md5Hex) =>
        (relativeKey, fullPath, size, md5Hex) = (RelativeKey, FullPath, Size, Md5Hex);
}
