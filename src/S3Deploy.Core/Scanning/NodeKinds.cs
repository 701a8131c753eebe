using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace S3Deploy.Core.Scanning;

/// <summary>
/// The file type from stat(2), which .NET does not expose: FileInfo calls a pipe or a device a file. Linux uses statx,
/// whose layout is the same on every architecture; macOS uses stat, whose first fields are too.
/// </summary>
internal static class NodeKinds
{
    private const uint StatxType = 1;
    private const int StatxModeOffset = 28;
    private const int DarwinModeOffset = 4;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int EACCES = 13;
    private const int ENAMETOOLONG = 36;

    public static NodeKind Of(string realPath)
    {
        if (OperatingSystem.IsLinux())
        {
            return FromMode(Stat(realPath, linux: true));
        }

        if (OperatingSystem.IsMacOS())
        {
            return FromMode(Stat(realPath, linux: false));
        }

        return Directory.Exists(realPath) ? NodeKind.Folder : File.Exists(realPath) ? NodeKind.RegularFile : NodeKind.Missing;
    }

    public static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Pipe => "a named pipe (FIFO)",
        NodeKind.CharacterDevice => "a character device",
        NodeKind.BlockDevice => "a block device",
        NodeKind.Socket => "a socket",
        _ => "not a regular file",
    };

    private static int? Stat(string path, bool linux)
    {
        Span<byte> buffer = stackalloc byte[256];
        if (LibcStat.Call(path, StatxType, buffer) == 0)
        {
            return BinaryPrimitives.ReadUInt16LittleEndian(buffer[(linux ? StatxModeOffset : DarwinModeOffset)..]);
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno is ENOENT or ENOTDIR)
        {
            return null;
        }

        var message = $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).";
        throw errno switch
        {
            ENAMETOOLONG => new PathTooLongException(message),
            EACCES => new UnauthorizedAccessException(message),
            _ => new IOException(message),
        };
    }

    private static NodeKind FromMode(int? mode) => (mode & 0xF000) switch
    {
        null => NodeKind.Missing,
        0x8000 => NodeKind.RegularFile,
        0x4000 => NodeKind.Folder,
        0x1000 => NodeKind.Pipe,
        0x2000 => NodeKind.CharacterDevice,
        0x6000 => NodeKind.BlockDevice,
        0xC000 => NodeKind.Socket,
        // A link (the path changed since it was resolved) or a type this tool does not know: never opened either.
        _ => NodeKind.Other,
    };
}
