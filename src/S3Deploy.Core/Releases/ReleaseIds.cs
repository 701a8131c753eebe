using System.Globalization;

namespace S3Deploy.Core.Releases;

/// <summary>Release ids are UTC times to the millisecond (20261201-061503-123): they sort as they happened and read as a date.</summary>
internal static class ReleaseIds
{
    private const string Format = "yyyyMMdd'-'HHmmss'-'fff";

    /// <summary>A new id, later than every id already taken (a clock that stepped back still sorts the new release last).</summary>
    public static string Next(DateTimeOffset now, IEnumerable<string> taken)
    {
        var newest = taken.Max(StringComparer.Ordinal);
        var time = now.ToUniversalTime();
        if (newest is not null && DateTimeOffset.TryParseExact(newest, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var last) && time <= last)
        {
            time = last.AddMilliseconds(1);
        }

        return time.ToString(Format, CultureInfo.InvariantCulture);
    }
}
