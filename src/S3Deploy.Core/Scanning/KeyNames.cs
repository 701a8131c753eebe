using System.Text;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

/// <summary>Turns a path inside the source folder into an S3 key the same way on every OS.</summary>
internal static class KeyNames
{
    public const int MaxKeyBytes = 1024;

    /// <summary>
    /// NFC because macOS file systems hand out decomposed names: without it the same site deployed from a Mac
    /// and from Linux would produce two different keys for "café.html".
    /// </summary>
    public static string FromRelativePath(string relativePath)
    {
        var key = relativePath.Replace(Path.DirectorySeparatorChar, '/').Replace(Path.AltDirectorySeparatorChar, '/');
        if (Enumerable.Range(0, key.Length).Any(i => IsUnsafeAt(key, i)))
        {
            // Non-characters (U+FFFE, U+FFFF) and lone surrogates cannot be normalized, and XML listings cannot carry them.
            throw DeployException.Usage(DiagnosticCode.BadSourceFile, $"'{Printable(relativePath)}' has a character in its name that is not valid Unicode text, which S3 listings cannot carry. Rename it, or --exclude it.");
        }

        return key.Normalize(NormalizationForm.FormC);
    }

    public static bool FitsS3(string key) => Encoding.UTF8.GetByteCount(key) <= MaxKeyBytes;

    /// <summary>A name as it can be printed on one line: control characters, non-characters and lone surrogates as \uXXXX.</summary>
    public static string Printable(string name) =>
        string.Concat(name.Select((c, i) => char.IsControl(c) || IsUnsafeAt(name, i) ? $"\\u{(int)c:x4}" : c.ToString()));

    private static bool IsUnsafeAt(string s, int i)
    {
        var c = s[i];
        if (c is '\uFFFE' or '\uFFFF')
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1]));
    }
}
