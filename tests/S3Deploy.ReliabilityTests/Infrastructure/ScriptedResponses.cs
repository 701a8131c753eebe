using System.Text;

namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>What the fault proxy sends when it plays a hostile server: a scripted answer (also an endless one), or the real one rewritten.</summary>
internal static class ScriptedResponses
{
    public static async Task AnswerAsync(HttpStream stream, Fault fault, bool isHead, CancellationToken ct)
    {
        var head = new StringBuilder()
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"HTTP/1.1 {fault.Status} {FaultProxy.ReasonPhrase(fault.Status)}\r\n")
            .Append("x-amz-request-id: FAULTPROXY\r\n")
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"Date: {DateTimeOffset.UtcNow:R}\r\n");
        if (!fault.Endless)
        {
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Length: {fault.Body.Length}\r\n");
        }

        foreach (var (name, value) in fault.Headers ?? [])
        {
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), ct);
        if (isHead)
        {
            return;
        }

        // An endless body ends when the client hangs up, or after a bound the deployer must never read that far.
        var sent = 0L;
        do
        {
            await stream.WriteAsync(fault.Body, ct);
            sent += fault.Body.Length;
        }
        while (fault.Endless && fault.Body.Length > 0 && sent < (4L << 30));
    }

    /// <summary>The response with its head and (de-chunked) body rewritten, and its Content-Length set to match.</summary>
    public static byte[] Rewritten(byte[] response, Func<string, string> rewrite)
    {
        var text = Encoding.Latin1.GetString(response);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var lines = text[..split].Split("\r\n").Where(l => l.Length > 0).ToList();
        var body = text[split..];
        if (lines.Any(l => l.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase)))
        {
            body = Dechunk(body);
        }

        body = rewrite(body);
        var headLines = lines
            .Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase))
            .Select(rewrite)
            .Append("Content-Length: " + Encoding.Latin1.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Encoding.Latin1.GetBytes(string.Join("\r\n", headLines) + "\r\n\r\n" + body);
    }

    private static string Dechunk(string chunked)
    {
        var plain = new StringBuilder();
        for (var at = 0; ;)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = int.Parse(chunked[at..lineEnd].Split(';')[0], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return plain.ToString();
            }

            plain.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
