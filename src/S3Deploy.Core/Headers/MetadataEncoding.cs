using System.Text;
using System.Text.RegularExpressions;

namespace S3Deploy.Core.Headers;

/// <summary>
/// User metadata outside ASCII travels as an RFC 2047 encoded word (<c>=?UTF-8?B?…?=</c>), as the S3 documentation and the
/// other SDKs do; S3 stores the text and hands it back encoded. Plans and fingerprints always see the decoded text.
/// </summary>
internal static partial class MetadataEncoding
{
    public static string Encode(string value) =>
        value.All(char.IsAscii) ? value : $"=?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";

    /// <summary>Decodes every encoded word (B or Q, UTF-8 or Latin-1); anything else is returned as it came.</summary>
    public static string Decode(string value)
    {
        if (!value.Contains("=?", StringComparison.Ordinal))
        {
            return value;
        }

        // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 section 6.2).
        var joined = Adjacent().Replace(value, "?==?");
        return EncodedWord().Replace(joined, m => DecodeWord(m) ?? m.Value);
    }

    private static string? DecodeWord(Match word)
    {
        Encoding charset;
        try
        {
            charset = Encoding.GetEncoding(word.Groups["charset"].Value);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var text = word.Groups["text"].Value;
        try
        {
            return word.Groups["kind"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? charset.GetString(Convert.FromBase64String(text))
                : charset.GetString(QBytes(text));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] QBytes(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(text[i] == '_' ? (byte)' ' : (byte)text[i]);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?(?<charset>[^?\s]+)\?(?<kind>[BbQq])\?(?<text>[^?\s]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex Adjacent();
}
