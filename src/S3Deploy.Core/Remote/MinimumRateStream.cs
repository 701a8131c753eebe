using System.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>
/// A response body that must keep up a floor rate once the timeout has passed: a server that trickles a byte every few
/// seconds never trips an idle timeout, but falls behind this and is cut off (and the request retried).
/// </summary>
internal sealed class MinimumRateStream(Stream inner, TimeSpan grace) : ReadOnlyBody(inner)
{
    /// <summary>Far below any usable link (8 kbit/s): only a server that is stalling on purpose or broken falls under it.</summary>
    internal const long FloorBytesPerSecond = 1024;

    private readonly Stopwatch clock = Stopwatch.StartNew();

    public override long Length => Inner.Length;

    /// <summary>Whether <paramref name="bytes"/> after <paramref name="elapsed"/> is too slow: pure, so it is tested on its own.</summary>
    internal static bool TooSlow(long bytes, TimeSpan elapsed, TimeSpan grace) =>
        elapsed > grace && bytes < (elapsed - grace).TotalSeconds * FloorBytesPerSecond;

    protected override void Received(ReadOnlySpan<byte> read)
    {
        if (read.Length > 0 && TooSlow(BytesRead, clock.Elapsed, grace))
        {
            Inner.Dispose();
            throw new RequestTimedOutException($"the server sent {BytesRead} bytes in {clock.Elapsed.TotalSeconds:0.#}s, slower than {FloorBytesPerSecond} bytes a second");
        }
    }
}
