using System.IO.Compression;
using System.Security.Cryptography;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;

namespace S3Deploy.Core.Applying;

/// <summary>
/// The bytes one upload sends: the file itself, nothing (a redirect), or the file compressed into a temporary file, so
/// even large files stream from disk and the Content-MD5 is known before sending.
/// </summary>
internal sealed class UploadBody : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly bool temporary;

    private UploadBody(string path, long size, string md5Hex, bool temporary)
    {
        Path = path;
        Size = size;
        Md5Hex = md5Hex;
        this.temporary = temporary;
    }

    /// <summary>Empty for a body with no bytes (redirect objects).</summary>
    public string Path { get; }

    public long Size { get; }

    public string Md5Hex { get; }

    public string Md5Base64 => Convert.ToBase64String(Convert.FromHexString(Md5Hex));

    public static async Task<UploadBody> PrepareAsync(DesiredObject desired, CancellationToken ct)
    {
        var file = desired.File;
        if (desired.Compress == Compression.None)
        {
            return new UploadBody(file.FullPath, file.Size, file.Md5Hex, temporary: false);
        }

        var path = System.IO.Path.GetTempFileName();
        try
        {
            await using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await using var encoder = desired.Compress == Compression.Gzip
                    ? (Stream)new GZipStream(output, CompressionLevel.SmallestSize)
                    : new BrotliStream(output, CompressionLevel.SmallestSize);
                await using var input = Open(file.FullPath);
                await input.CopyToAsync(encoder, ct);
            }

            await using var written = Open(path);
            var md5 = await MD5.HashDataAsync(written, ct);
            return new UploadBody(path, written.Length, Convert.ToHexStringLower(md5), temporary: true);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public Stream OpenRead() => Path.Length == 0 ? new MemoryStream([], writable: false) : Open(Path);

    public ValueTask DisposeAsync()
    {
        if (temporary)
        {
            File.Delete(Path);
        }

        return ValueTask.CompletedTask;
    }

    internal static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
