using S3Deploy.Core.Headers;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Core.Planning;

/// <summary>A local file with the headers it should carry in the bucket.</summary>
public sealed record DesiredObject(LocalFile File, ObjectHeaders Headers, bool IsEntryDocument)
{
    public string RelativeKey => File.RelativeKey;
}
