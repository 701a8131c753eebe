using System.Text;

namespace S3Deploy.Core.Headers;

/// <summary>
/// A Content-Disposition with a file name outside ASCII is written the way RFC 6266 asks: an ASCII <c>filename</c> for old
/// clients plus <c>filename*=UTF-8''…</c> (RFC 5987), which browsers prefer. S3 stores the header as sent, so the
/// encoded form is what the plan compares and the manifest fingerprints.
/// </summary>
internal static class DispositionEncoding
{
    private const string AttrChars = "!#$&+-.^_`|~";

    /// <summary>The value to send; null when some part outside ASCII is not a file name (so it cannot be encoded).</summary>
    public static string? Encode(string value)
    {
        if (value.All(char.IsAscii))
        {
            return value;
        }

        var parts = Split(value);
        var hasExtended = parts.Any(p => Name(p).Equals("filename*", StringComparison.OrdinalIgnoreCase));
        var encoded = new List<string>(parts.Count + 1);
        foreach (var part in parts)
        {
            if (part.All(char.IsAscii))
            {
                encoded.Add(part);
            }
            else if (Name(part).Equals("filename", StringComparison.OrdinalIgnoreCase))
            {
                var name = Unquote(part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim());
                encoded.Add($"filename=\"{Fallback(name)}\"");
                if (!hasExtended)
                {
                    encoded.Add("filename*=UTF-8''" + PercentEncode(name));
                }
            }
            else
            {
                return null;
            }
        }

        return string.Join("; ", encoded);
    }

    /// <summary>Splits at ';' outside quoted strings and trims each part.</summary>
    private static List<string> Split(string value)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && quoted)
            {
                i++;
            }
            else if (value[i] == '"')
            {
                quoted = !quoted;
            }
            else if (value[i] == ';' && !quoted)
            {
                parts.Add(value[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(value[start..].Trim());
        return parts.Where(p => p.Length > 0).ToList();
    }

    private static string Name(string part) => part.Contains('=', StringComparison.Ordinal) ? part[..part.IndexOf('=', StringComparison.Ordinal)].Trim() : "";

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"'
            ? text[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : text;

    /// <summary>The name with every character outside printable ASCII as '_', quoted-string safe.</summary>
    private static string Fallback(string name) =>
        string.Concat(name.Select(c => c is < ' ' or > '~' ? "_" : c is '"' or '\\' ? "\\" + c : c.ToString()));

    private static string PercentEncode(string text)
    {
        var result = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            result.Append(char.IsAsciiLetterOrDigit(c) || AttrChars.Contains(c, StringComparison.Ordinal) ? c.ToString() : $"%{b:X2}");
        }

        return result.ToString();
    }
}
