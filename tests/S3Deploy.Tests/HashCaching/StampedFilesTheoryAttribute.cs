using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests.HashCaching;

/// <summary>A theory that needs file stamps (statx on Linux, stat on macOS); elsewhere there is no hash cache, and it says so.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StampedFilesTheoryAttribute : TheoryAttribute
{
    public StampedFilesTheoryAttribute()
    {
        if (!FileStamps.Supported)
        {
            Skip = "Files have no stamp (inode, ctime) on this operating system, so there is no hash cache to test.";
        }
    }
}
