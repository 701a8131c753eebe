using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

public sealed record ScanResult(IReadOnlyList<LocalFile> Files, IReadOnlyList<Diagnostic> Warnings);
