using System.IO.Compression;
using System.Security.Cryptography;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Scanning;

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
                using var source = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
                var buffer = new byte[BufferSize];
                for (int read; (read = await input.ReadAsync(buffer, ct)) > 0;)
                {
                    source.AppendData(buffer, 0, read);
                    await encoder.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                // The manifest records the scanned MD5 for these bytes: they must come from that same content.
                if (Convert.ToHexStringLower(source.GetHashAndReset()) != file.Md5Hex)
                {
                    throw Changed(file);
                }
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

    /// <summary>Size and last write time of the source file, to tell whether it changed during the upload.</summary>
    public static (long Length, DateTime Written) Stamp(LocalFile file)
    {
        if (file.FullPath.Length == 0)
        {
            return default;
        }

        var info = new FileInfo(file.FullPath);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
    }

    public static DeployException Changed(LocalFile file) =>
        new(DiagnosticCode.SourceChanged, FailureKind.Service, $"'{file.RelativeKey}' changed while it was being deployed (it no longer matches what was scanned), so it was not recorded as deployed. Run again once the build has finished writing it.");

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
