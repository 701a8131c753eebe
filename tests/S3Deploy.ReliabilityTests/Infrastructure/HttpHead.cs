using System.Globalization;
using System.Text;

namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>The start line and headers of an HTTP/1.1 message, with the exact bytes they came in.</summary>
internal sealed class HttpHead(byte[] raw)
{
    private readonly string[] lines = Encoding.Latin1.GetString(raw).Split("\r\n");

    public byte[] Raw { get; } = raw;

    /// <summary>Lower-case names; a repeated header keeps its last value.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = Parse(Encoding.Latin1.GetString(raw).Split("\r\n"));

    public long? ContentLength => Headers.TryGetValue("content-length", out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : null;

    public (string Method, string Target) RequestLine()
    {
        var parts = lines[0].Split(' ');
        return (parts[0], parts[1]);
    }

    public int Status() => int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Parse(string[] lines)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        return headers;
    }
}
