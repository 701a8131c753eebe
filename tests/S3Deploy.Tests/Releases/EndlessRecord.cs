using System.Text;

namespace S3Deploy.Tests.Releases;

/// <summary>A release record whose key set never ends: a server (or a gateway) that keeps sending.</summary>
internal sealed class EndlessRecord : Stream
{
    private readonly byte[] head = Encoding.UTF8.GetBytes("""{"version":1,"id":"r1","objects":{""");
    private long entries;
    private byte[] pending = [];
    private int offset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (this.offset == pending.Length)
        {
            pending = entries++ == 0 ? head : Encoding.UTF8.GetBytes($"\"k{entries}\":{{\"hash\":\"{entries:x32}\",\"size\":1}},");
            this.offset = 0;
        }

        var n = Math.Min(count, pending.Length - this.offset);
        pending.AsSpan(this.offset, n).CopyTo(buffer.AsSpan(offset));
        this.offset += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
