namespace S3Deploy.Core.Scanning;

public sealed record ScanResult(IReadOnlyList<LocalFile> Files, IReadOnlyList<string> Warnings);
