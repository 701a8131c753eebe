using System.Security.Cryptography;
using System.Text;

namespace S3Deploy.Core.Scanning;

/// <summary>
/// One source folder's cache on disk: a magic, the folder's real path, the entries, and a SHA-256 of all that, so a torn
/// or damaged file reads as empty instead of as wrong hashes. Written to a temporary file and renamed over the old one,
/// so concurrent writers leave one whole version (the last), never a mix.
/// </summary>
internal static class HashCacheFile
{
    private static readonly byte[] Magic = "S3DHASH1"u8.ToArray();
    private const int Md5Bytes = 16;
    private const int Sha256Bytes = 32;

    /// <summary>The entries, by path relative to the source folder; empty if the file is missing, damaged or of another folder.</summary>
    public static Dictionary<string, CachedHash> Read(string path, string root)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + Sha256Bytes || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - Sha256Bytes)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - Sha256Bytes)))
        {
            throw new InvalidDataException("not a hash cache, or damaged");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, bytes.Length - Magic.Length - Sha256Bytes), Encoding.UTF8);
        if (reader.ReadString() != root)
        {
            throw new InvalidDataException("the cache of another folder");
        }

        var count = reader.ReadInt32();
        var entries = new Dictionary<string, CachedHash>(Math.Clamp(count, 0, 1 << 20), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var stamp = new FileStamp(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadUInt64(), reader.ReadUInt64());
            entries[name] = new CachedHash(stamp, Convert.ToHexStringLower(reader.ReadBytes(Md5Bytes)));
        }

        return entries;
    }

    public static void Write(string path, string root, IReadOnlyCollection<KeyValuePair<string, CachedHash>> entries)
    {
        var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(root);
            writer.Write(entries.Count);
            foreach (var (name, (stamp, md5)) in entries)
            {
                writer.Write(name);
                writer.Write(stamp.Size);
                writer.Write(stamp.ModifiedNs);
                writer.Write(stamp.ChangedNs);
                writer.Write(stamp.Inode);
                writer.Write(stamp.Device);
                writer.Write(Convert.FromHexString(md5));
            }
        }

        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(body);
                file.Write(SHA256.HashData(body));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
