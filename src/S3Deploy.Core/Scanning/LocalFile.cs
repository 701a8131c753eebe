namespace S3Deploy.Core.Scanning;

/// <summary>A file of the source folder: its key relative to the target prefix, where to read it, and what it holds.</summary>
public sealed record LocalFile(string RelativeKey, string FullPath, long Size, string Md5Hex);
