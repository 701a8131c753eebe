using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

/// <summary>The request timeout: where it comes from, and the floor rate that cuts off a trickling body.</summary>
public sealed class TimeoutTests : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(0, 59.9)]
    [InlineData(0, 60)]
    [InlineData(1024, 61)]
    [InlineData(10 * 1024, 70)]
    [InlineData(1, 60.0005)]
    public void Body_keeping_up_the_floor_rate_after_the_grace_is_not_too_slow(long bytes, double seconds) =>
        Assert.False(MinimumRateStream.TooSlow(bytes, TimeSpan.FromSeconds(seconds), Grace));

    [Theory]
    [InlineData(14, 70)]
    [InlineData(1023, 61)]
    [InlineData(100_000, 200)]
    public void Body_trickling_below_the_floor_rate_after_the_grace_is_too_slow(long bytes, double seconds) =>
        Assert.True(MinimumRateStream.TooSlow(bytes, TimeSpan.FromSeconds(seconds), Grace));

    [Fact]
    public void Default_timeout_is_60_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(60), new DeployConfig { Source = "site", Target = "s3://bucket" }.ToOptions(false).Connection.Timeout);

    [Fact]
    public void Timeout_in_the_config_file_reaches_the_connection()
    {
        var config = ConfigFile.Load(temp.Write("s3deploy.json", """{ "source": "site", "target": "s3://bucket", "timeout": "2m" }"""));

        Assert.Equal(TimeSpan.FromMinutes(2), config.ToOptions(false).Connection.Timeout);
    }

    [Theory]
    [InlineData("\"forever\"")]
    [InlineData("\"0s\"")]
    public void Bad_timeout_in_the_config_file_names_the_field(string value)
    {
        var e = ConfigErrors.LoadFails(temp, $$"""
            {
              "source": "site",
              "timeout": {{value}}
            }
            """);

        ConfigErrors.AssertError(e, DiagnosticCode.ConfigBadValue, 3, "timeout: ");
    }

    [Fact]
    public async Task Timeout_option_below_one_second_is_a_usage_error()
    {
        var (exit, _, err) = await CliRun.Run("plan", "site", "s3://bucket", "--timeout", "0.5s");

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D006: --timeout: ", err, StringComparison.Ordinal);
    }
}
