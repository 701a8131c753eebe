using System.Globalization;
using System.Text;

namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>A network stream read as HTTP/1.1: heads up to the blank line, bodies by length, by chunks or to the end.</summary>
internal sealed class HttpStream(Stream inner)
{
    private readonly byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;

    /// <summary>Null when the peer closed the connection between messages.</summary>
    public async Task<HttpHead?> ReadHeadAsync(CancellationToken ct)
    {
        var head = new List<byte>();
        while (true)
        {
            if (start == end && !await FillAsync(ct))
            {
                return head.Count == 0 ? null : throw new IOException("Connection closed in the middle of a head.");
            }

            head.Add(buffer[start++]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                return new HttpHead([.. head]);
            }
        }
    }

    public async Task<byte[]> ReadExactAsync(long length, CancellationToken ct)
    {
        var result = new byte[length];
        for (var done = 0; done < length;)
        {
            if (start == end && !await FillAsync(ct))
            {
                throw new IOException("Connection closed in the middle of a body.");
            }

            var take = (int)Math.Min(end - start, length - done);
            Array.Copy(buffer, start, result, done, take);
            start += take;
            done += take;
        }

        return result;
    }

    /// <summary>A chunked body, returned still chunked (as it is forwarded).</summary>
    public async Task<byte[]> ReadChunkedRawAsync(CancellationToken ct)
    {
        var raw = new List<byte>();
        while (true)
        {
            var line = await ReadLineAsync(ct);
            raw.AddRange(Encoding.ASCII.GetBytes(line + "\r\n"));
            var size = int.Parse(line.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                for (string trailer; (trailer = await ReadLineAsync(ct)).Length > 0;)
                {
                    raw.AddRange(Encoding.ASCII.GetBytes(trailer + "\r\n"));
                }

                raw.AddRange("\r\n"u8.ToArray());
                return [.. raw];
            }

            raw.AddRange(await ReadExactAsync(size + 2, ct));
        }
    }

    public async Task<byte[]> ReadToEndAsync(CancellationToken ct)
    {
        using var rest = new MemoryStream();
        rest.Write(buffer, start, end - start);
        start = end;
        await inner.CopyToAsync(rest, ct);
        return rest.ToArray();
    }

    public async Task WaitForCloseAsync(CancellationToken ct)
    {
        while (await FillAsync(ct))
        {
            start = end;
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct) => inner.WriteAsync(bytes, ct);

    private async Task<string> ReadLineAsync(CancellationToken ct)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (start == end && !await FillAsync(ct))
            {
                throw new IOException("Connection closed in the middle of a line.");
            }

            var c = (char)buffer[start++];
            if (c == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append(c);
        }
    }

    private async Task<bool> FillAsync(CancellationToken ct)
    {
        start = 0;
        end = await inner.ReadAsync(buffer, ct);
        return end > 0;
    }
}
