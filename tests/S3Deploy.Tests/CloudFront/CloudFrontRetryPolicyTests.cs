using S3Deploy.Core.CloudFront;

namespace S3Deploy.Tests.CloudFront;

public sealed class CloudFrontRetryPolicyTests
{
    private static readonly CloudFrontRetryPolicy Policy = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 2, TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(3, 1.0, 4000)]
    public void Transient_failures_back_off_exponentially_with_jitter(int failures, double jitter, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Policy.NextDelay(RetryKind.Transient, failures, jitter));
    }

    [Fact]
    public void Backoff_is_capped()
    {
        var capped = new CloudFrontRetryPolicy(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(5), capped.NextDelay(RetryKind.Transient, 15, 1.0));
    }

    [Fact]
    public void Transient_failures_give_up_after_max_attempts()
    {
        Assert.NotNull(Policy.NextDelay(RetryKind.Transient, 3, 0.5));
        Assert.Null(Policy.NextDelay(RetryKind.Transient, 4, 0.5));
    }

    [Fact]
    public void Busy_distribution_waits_longer_within_its_own_limit()
    {
        var first = Policy.NextDelay(RetryKind.Busy, 1, 0.0);

        Assert.Equal(TimeSpan.FromSeconds(22.5), first);
        Assert.NotNull(Policy.NextDelay(RetryKind.Busy, 2, 0.5));
        Assert.Null(Policy.NextDelay(RetryKind.Busy, 3, 0.5));
    }

    [Fact]
    public void Other_failures_are_not_retried()
    {
        Assert.Null(Policy.NextDelay(RetryKind.None, 1, 0.5));
    }
}
