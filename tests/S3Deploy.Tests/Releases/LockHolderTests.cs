using S3Deploy.Core.Releases;

namespace S3Deploy.Tests.Releases;

/// <summary>What a deploy writes about itself into the lock it takes.</summary>
public sealed class LockHolderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("GITHUB_RUN_ID", "77", "GITHUB_RUN_ATTEMPT", "2", "github:77", "GitHub run 77 (attempt 2, ")]
    [InlineData("BUILD_BUILDID", "9001", "SYSTEM_JOBATTEMPT", "3", "azure:9001", "Azure build 9001 (attempt 3, ")]
    public void A_ci_run_records_its_run_and_attempt(string runVariable, string run, string attemptVariable, string attempt, string expectedRun, string holderStart)
    {
        var variables = new Dictionary<string, string> { [runVariable] = run, [attemptVariable] = attempt };

        var held = LockHolder.Describe("deploy", Now, PrefixLock.Lease, name => variables.GetValueOrDefault(name));

        Assert.Equal(expectedRun, held.Run);
        Assert.Equal(int.Parse(attempt, System.Globalization.CultureInfo.InvariantCulture), held.Attempt);
        Assert.StartsWith(holderStart, held.Holder, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_names_this_host_and_process_with_a_fresh_token_and_an_hours_lease()
    {
        var first = LockHolder.Describe("rollback", Now, PrefixLock.Lease, _ => null);
        var second = LockHolder.Describe("rollback", Now, PrefixLock.Lease, _ => null);

        Assert.Equal(Environment.MachineName, first.Host);
        Assert.Equal(Environment.ProcessId, first.Pid);
        Assert.Equal(LockHolder.StartOf(Environment.ProcessId)!.Value, first.ProcessStarted!.Value, TimeSpan.FromSeconds(1));
        Assert.NotEqual(first.Token, second.Token);
        Assert.Null(first.Run);
        Assert.Equal(Now.AddHours(1), first.Expires);
        Assert.Equal("rollback", first.Operation);
    }

    [Fact]
    public void A_pid_that_runs_nothing_has_no_start()
    {
        // Above the kernel's pid_max (at most 2^22), so never a live process.
        Assert.Null(LockHolder.StartOf(int.MaxValue));
    }
}
