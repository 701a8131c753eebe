using System.Globalization;
using System.Text.RegularExpressions;

namespace S3Deploy.Core.Text;

/// <summary>Durations as people write them in options and config: "90s", "30m", "24h", "7d" (or combined, "1h30m").</summary>
internal static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var matches = Part().Matches(text ?? "");
        if (string.IsNullOrWhiteSpace(text) || string.Concat(matches.Select(m => m.Value)) != text.Trim())
        {
            return false;
        }

        try
        {
            foreach (Match m in matches)
            {
                var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                duration += m.Groups[2].Value switch
                {
                    "s" => TimeSpan.FromSeconds(n),
                    "m" => TimeSpan.FromMinutes(n),
                    "h" => TimeSpan.FromHours(n),
                    _ => TimeSpan.FromDays(n),
                };
            }

            return true;
        }
        catch (OverflowException)
        {
            duration = TimeSpan.Zero;
            return false;
        }
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalDays >= 1 && duration.TotalDays == Math.Floor(duration.TotalDays) ? $"{duration.TotalDays:0}d"
        : duration.TotalHours >= 1 && duration.TotalHours == Math.Floor(duration.TotalHours) ? $"{duration.TotalHours:0}h"
        : duration.TotalMinutes >= 1 && duration.TotalMinutes == Math.Floor(duration.TotalMinutes) ? $"{duration.TotalMinutes:0}m"
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#}s");

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)([smhd])")]
    private static partial Regex Part();
}
