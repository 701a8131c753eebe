using System.Text;

namespace S3Deploy.Core.Scanning;

/// <summary>Turns a path inside the source folder into an S3 key the same way on every OS.</summary>
internal static class KeyNames
{
    public const int MaxKeyBytes = 1024;

    /// <summary>
    /// NFC because macOS file systems hand out decomposed names: without it the same site deployed from a Mac
    /// and from Linux would produce two different keys for "café.html".
    /// </summary>
    public static string FromRelativePath(string relativePath) =>
        relativePath.Replace(Path.DirectorySeparatorChar, '/').Replace(Path.AltDirectorySeparatorChar, '/').Normalize(NormalizationForm.FormC);

    public static bool FitsS3(string key) => Encoding.UTF8.GetByteCount(key) <= MaxKeyBytes;
}
