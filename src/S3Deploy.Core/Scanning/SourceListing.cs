using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

/// <summary>The files a deploy would read, found without reading a byte: each key with the real path it is read from.</summary>
internal sealed record SourceListing(IReadOnlyList<(string Key, FilePath Path)> Files, IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>The source folder's real path (all links resolved), which names its hash cache.</summary>
    public string RealRoot { get; init; } = "";
}
