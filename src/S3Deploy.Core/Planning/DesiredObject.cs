using S3Deploy.Core.Headers;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Core.Planning;

/// <summary>A local file (or a configured redirect) with the headers it should carry and how its bytes are encoded on the way up.</summary>
public sealed record DesiredObject(LocalFile File, ObjectHeaders Headers, bool IsEntryDocument, Compression Compress = Compression.None)
{
    public string RelativeKey => File.RelativeKey;

    public static DesiredObject From(LocalFile file, HeaderDecision decision) => new(file, decision.Headers, decision.IsEntryDocument, decision.Compress);

    /// <summary>
    /// What identifies the stored bytes: the source MD5, plus the encoding when S3Deploy compresses them. Compressing again
    /// gives the same id (no re-upload), and turning compression on or off changes it (a re-upload, as the bytes differ).
    /// </summary>
    public string ContentId => Compress == Compression.None ? File.Md5Hex : $"{File.Md5Hex}+{Encodings.ContentEncoding(Compress)}";
}
