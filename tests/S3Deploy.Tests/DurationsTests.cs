using S3Deploy.Core;
using S3Deploy.Core.Text;

namespace S3Deploy.Tests;

public class DurationsTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 30 * 60)]
    [InlineData("24h", 24 * 3600)]
    [InlineData("7d", 7 * 86400)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("1d12h", 36 * 3600)]
    [InlineData("0.5h", 30 * 60)]
    [InlineData("1.5s", 1.5)]
    [InlineData("0s", 0)]
    public void Parses_units_and_combinations(string text, double seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Fact]
    public void Surrounding_whitespace_is_trimmed()
    {
        // TryParse compares the matched parts with text.Trim(): leading and trailing whitespace is allowed on purpose.
        Assert.True(Durations.TryParse(" 5m ", out var duration));
        Assert.Equal(TimeSpan.FromMinutes(5), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("10")]
    [InlineData("h")]
    [InlineData("10x")]
    [InlineData("-1h")]
    [InlineData("+1h")]
    [InlineData("1h 30m")]
    [InlineData("1H")]
    [InlineData(".5h")]
    [InlineData("1.h")]
    [InlineData("5m5")]
    [InlineData("1,5h")]
    [InlineData("1hour")]
    public void Rejects_what_is_not_a_duration(string text)
    {
        Assert.False(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.False(Durations.TryParse(null, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Fact]
    public void Repeated_and_unordered_units_are_summed()
    {
        // Not rejected: "1h1h" is two hours, "30m1h" is ninety minutes.
        Assert.True(Durations.TryParse("1h1h", out var twice));
        Assert.Equal(TimeSpan.FromHours(2), twice);
        Assert.True(Durations.TryParse("30m1h", out var unordered));
        Assert.Equal(TimeSpan.FromMinutes(90), unordered);
    }

    // \d in the regex matched any Unicode digit and double.Parse threw; the regex now uses [0-9].
    [Fact]
    public void Non_ascii_digits_are_rejected_not_thrown() =>
        Assert.False(Durations.TryParse("\u0661h", out _));

    [Theory]
    [InlineData(90, "90s")]
    [InlineData(30 * 60, "30m")]
    [InlineData(90 * 60, "90m")]
    [InlineData(3600, "1h")]
    [InlineData(24 * 3600, "1d")]
    [InlineData(36 * 3600, "36h")]
    [InlineData(7 * 86400, "7d")]
    [InlineData(1.5, "1.5s")]
    [InlineData(0, "0s")]
    public void Format_writes_the_largest_whole_unit(double seconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("90s")]
    [InlineData("30m")]
    [InlineData("24h")]
    [InlineData("7d")]
    [InlineData("1h30m")]
    [InlineData("0.5h")]
    [InlineData("36h")]
    [InlineData("15m")]
    [InlineData("0s")]
    public void Format_round_trips_through_TryParse(string text)
    {
        Assert.True(Durations.TryParse(text, out var parsed));

        Assert.True(Durations.TryParse(Durations.Format(parsed), out var again));
        Assert.Equal(parsed, again);
    }
}
