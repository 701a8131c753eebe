using System.Buffers.Binary;

namespace S3Deploy.Core.Scanning;

/// <summary>
/// A file's <see cref="FileStamp"/> from statx (Linux) or stat (macOS), whose inode, device and nanosecond times .NET does
/// not expose. Elsewhere there is no stamp, and so no hash cache.
/// </summary>
internal static class FileStamps
{
    // STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE: a file system that cannot give all four gives no stamp.
    private const uint StatxWanted = 0x40 | 0x80 | 0x100 | 0x200;

    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>The stamp of the file at <paramref name="realPath"/> (not following a link); null when there is none.</summary>
    public static FileStamp? Read(string realPath)
    {
        try
        {
            return Stat(realPath);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without statx: no stamp, so the file is read, as without a cache.
            return null;
        }
    }

    private static FileStamp? Stat(string realPath)
    {
        Span<byte> buffer = stackalloc byte[256];
        return !Supported || LibcStat.Call(realPath, StatxWanted, buffer) != 0 ? null
            : OperatingSystem.IsLinux() ? FromStatx(buffer)
            : FromDarwin(buffer);
    }

    /// <summary>struct statx: the same layout on every architecture.</summary>
    private static FileStamp? FromStatx(ReadOnlySpan<byte> b)
    {
        if ((BinaryPrimitives.ReadUInt32LittleEndian(b) & StatxWanted) != StatxWanted)
        {
            return null;
        }

        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(b[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(b[140..]);
        return new FileStamp(
            Size: BinaryPrimitives.ReadInt64LittleEndian(b[40..]),
            ModifiedNs: Nanoseconds(BinaryPrimitives.ReadInt64LittleEndian(b[112..]), BinaryPrimitives.ReadUInt32LittleEndian(b[120..])),
            ChangedNs: Nanoseconds(BinaryPrimitives.ReadInt64LittleEndian(b[96..]), BinaryPrimitives.ReadUInt32LittleEndian(b[104..])),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(b[32..]),
            Device: device);
    }

    /// <summary>struct stat with 64-bit inodes (sys/stat.h): dev, mode, nlink, ino, uid, gid, rdev, then timespecs at 32.</summary>
    private static FileStamp FromDarwin(ReadOnlySpan<byte> b) => new(
        Size: BinaryPrimitives.ReadInt64LittleEndian(b[96..]),
        ModifiedNs: Nanoseconds(BinaryPrimitives.ReadInt64LittleEndian(b[48..]), BinaryPrimitives.ReadInt64LittleEndian(b[56..])),
        ChangedNs: Nanoseconds(BinaryPrimitives.ReadInt64LittleEndian(b[64..]), BinaryPrimitives.ReadInt64LittleEndian(b[72..])),
        Inode: BinaryPrimitives.ReadUInt64LittleEndian(b[8..]),
        Device: BinaryPrimitives.ReadUInt32LittleEndian(b));

    private static long Nanoseconds(long seconds, long nanoseconds) => (seconds * 1_000_000_000) + nanoseconds;
}
