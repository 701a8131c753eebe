using System.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>
/// A response body that must keep up a floor rate once the timeout has passed: a server that trickles a byte every few
/// seconds never trips an idle timeout, but falls behind this and is cut off (and the request retried).
/// </summary>
internal sealed class MinimumRateStream(Stream inner, TimeSpan grace) : Stream
{
    /// <summary>Far below any usable link (8 kbit/s): only a server that is stalling on purpose or broken falls under it.</summary>
    internal const long FloorBytesPerSecond = 1024;

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => read; set => throw new NotSupportedException(); }

    /// <summary>Whether <paramref name="bytes"/> after <paramref name="elapsed"/> is too slow: pure, so it is tested on its own.</summary>
    internal static bool TooSlow(long bytes, TimeSpan elapsed, TimeSpan grace) =>
        elapsed > grace && bytes < (elapsed - grace).TotalSeconds * FloorBytesPerSecond;

    public override int Read(byte[] buffer, int offset, int count) => Check(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Check(inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Check(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Check(await inner.ReadAsync(buffer, cancellationToken));

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
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Check(int n)
    {
        read += n;
        if (n > 0 && TooSlow(read, clock.Elapsed, grace))
        {
            inner.Dispose();
            throw new RequestTimedOutException($"the server sent {read} bytes in {clock.Elapsed.TotalSeconds:0.#}s, slower than {FloorBytesPerSecond} bytes a second");
        }

        return n;
    }
}
