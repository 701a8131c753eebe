using System.Runtime.InteropServices;

namespace S3Deploy.Core.Scanning;

/// <summary>
/// stat(2) without following a link, into a caller's buffer of at least 256 bytes: statx on Linux (one layout on every
/// architecture), stat with 64-bit inodes on macOS. What .NET does not expose (file type, inode, nanosecond times) is read
/// from it by <see cref="NodeKinds"/> and <see cref="FileStamps"/>.
/// </summary>
internal static class LibcStat
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;

    /// <returns>0, or -1 with the error in Marshal.GetLastPInvokeError.</returns>
    /// <param name="statxMask">The STATX_* fields wanted (Linux only; macOS fills all of them).</param>
    public static int Call(string path, uint statxMask, Span<byte> buffer)
    {
        buffer.Clear();
        ref var start = ref MemoryMarshal.GetReference(buffer);
        return OperatingSystem.IsLinux() ? StatX(AtFdCwd, path, AtSymlinkNoFollow, statxMask, ref start)
            : RuntimeInformation.ProcessArchitecture == Architecture.X64 ? DarwinStat64(path, ref start)
            : DarwinStat(path, ref start);
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatX(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int DarwinStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte buffer);

    [DllImport("libc", EntryPoint = "stat$INODE64", SetLastError = true)]
    private static extern int DarwinStat64([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte buffer);
}
