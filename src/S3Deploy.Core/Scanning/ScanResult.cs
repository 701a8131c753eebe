using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

internal sealed record ScanResult(IReadOnlyList<LocalFile> Files, IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>Files whose MD5 came from the hash cache, unread.</summary>
    public int FromCache { get; init; }
}
