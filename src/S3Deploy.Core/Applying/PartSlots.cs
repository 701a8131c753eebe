using System.Buffers;

namespace S3Deploy.Core.Applying;

/// <summary>
/// The parts in flight across every file of one deploy, bounded by its concurrency (so sixteen large files never put
/// sixteen times a file's parts on the wire), and the pooled buffers those parts are read into.
/// </summary>
internal sealed class PartSlots(int concurrency, long partSize)
{
    /// <summary>More parts of one file gain little once a few keep the connection busy, and each costs a part-sized buffer.</summary>
    private const int MaxPerFile = 4;

    private readonly SemaphoreSlim all = new(concurrency);

    public int PerFile { get; } = Math.Min(MaxPerFile, concurrency);

    /// <summary>At most one buffer per slot is ever out, so the pool keeps at most (concurrency × part size) bytes.</summary>
    public ArrayPool<byte> Buffers { get; } = ArrayPool<byte>.Create((int)Math.Min(partSize, Array.MaxLength), concurrency);

    public Task WaitAsync(CancellationToken ct) => all.WaitAsync(ct);

    public void Release() => all.Release();
}
