using System.Text;

namespace S3Deploy.Core.Remote;

/// <summary>
/// The SDK escapes the '/' between bucket and key in x-amz-copy-source. Amazon S3 accepts that; several S3-compatible
/// servers split on a literal '/' before decoding and answer NoSuchBucket. This writes it the way the AWS CLI does.
/// </summary>
internal static class CopySourceHeader
{
    public const string Name = "x-amz-copy-source";

    public static string Reencode(string sdkValue)
    {
        var query = sdkValue.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? sdkValue : sdkValue[..query];
        return Encode(Uri.UnescapeDataString(path)) + (query < 0 ? "" : sdkValue[query..]);
    }

    public static string Encode(string decoded)
    {
        var sb = new StringBuilder(decoded.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(decoded))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '/')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
