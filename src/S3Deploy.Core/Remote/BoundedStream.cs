using System.Security.Cryptography;

namespace S3Deploy.Core.Remote;

/// <summary>
/// A read-only view of a response body that refuses to deliver more than a limit (so an endless or huge body costs at
/// most that much) and hashes what passes, so the caller can compare it with the object's ETag.
/// </summary>
internal sealed class BoundedStream(Stream inner, long limit) : Stream
{
    private readonly IncrementalHash md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public string Md5Hex() => Convert.ToHexStringLower(md5.GetCurrentHash());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer[..Allowed(buffer.Length)]);
        return Count(buffer[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken);
        return Count(buffer.Span[..n]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            md5.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>One byte past the limit may be asked for: that is how an oversized body is told from one of exactly the limit.</summary>
    private int Allowed(int wanted)
    {
        if (BytesRead > limit)
        {
            throw new BodyTooLargeException(limit);
        }

        return (int)Math.Min(wanted, limit + 1 - BytesRead);
    }

    private int Count(ReadOnlySpan<byte> read)
    {
        BytesRead += read.Length;
        if (BytesRead > limit)
        {
            throw new BodyTooLargeException(limit);
        }

        md5.AppendData(read);
        return read.Length;
    }
}
