using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

internal sealed record ScanResult(IReadOnlyList<LocalFile> Files, IReadOnlyList<Diagnostic> Warnings);
