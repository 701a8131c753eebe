namespace S3Deploy.Core.Remote;

/// <summary>
/// A forward-only read view of a response body that sees every read: the base of the views that bound, hash or time
/// a body, so each states only its rule. Disposing it disposes the body.
/// </summary>
internal abstract class ReadOnlyBody(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    protected Stream Inner => inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer[..Allowed(buffer.Length)]);
        return Passed(buffer[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken);
        return Passed(buffer.Span[..n]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>How much of a read of <paramref name="wanted"/> bytes may be asked of the body (or throw to refuse it).</summary>
    protected virtual int Allowed(int wanted) => wanted;

    /// <summary>Sees what a read delivered, after <see cref="BytesRead"/> counts it (and may throw to cut the body off).</summary>
    protected abstract void Received(ReadOnlySpan<byte> read);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Passed(ReadOnlySpan<byte> read)
    {
        BytesRead += read.Length;
        Received(read);
        return read.Length;
    }
}
