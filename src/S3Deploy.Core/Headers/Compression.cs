namespace S3Deploy.Core.Headers;

/// <summary>An encoding applied to a file's bytes on the way up; its name is the Content-Encoding value.</summary>
public enum Compression
{
    None,
    Gzip,
    Brotli,
}
