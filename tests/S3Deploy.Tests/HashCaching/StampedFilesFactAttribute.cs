using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests.HashCaching;

/// <summary>A fact that needs file stamps (statx on Linux, stat on macOS); elsewhere there is no hash cache, and it says so.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StampedFilesFactAttribute : FactAttribute
{
    public StampedFilesFactAttribute()
    {
        if (!FileStamps.Supported)
        {
            Skip = "Files have no stamp (inode, ctime) on this operating system, so there is no hash cache to test.";
        }
    }
}
