namespace S3Deploy.Core.Scanning;

/// <summary>A path whose symbolic links never reach a file or folder.</summary>
internal sealed class LinkLoopException(string path) : IOException($"Too many levels of symbolic links at '{path}'.");
