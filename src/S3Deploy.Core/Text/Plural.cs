using System.Globalization;

namespace S3Deploy.Core.Text;

/// <summary>"1 file", "2 files": counts in messages read as English.</summary>
internal static class Plural
{
    public static string Of(long count, string one, string? many = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many ?? one + "s");
}
