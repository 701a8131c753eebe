using S3Deploy.Core.Releases;

namespace S3Deploy.Tests.Releases;

/// <summary>When a held, unexpired deploy lock belongs to a run that is gone, so a rerun takes it over without --break-lock.</summary>
public sealed class StaleLockTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MyStart = Now.AddMinutes(-1);
    private static readonly DeployLock Me = Lock("build-1", pid: 100, MyStart, token: "mine");

    [Fact]
    public void A_lock_of_a_process_on_this_host_that_no_longer_runs_is_stale()
    {
        var held = Lock("build-1", pid: 200, Now.AddMinutes(-5), token: "t");

        var reason = StaleLock.Reason(held, Me, StartOf(), _ => false);

        Assert.Equal("process 200 no longer runs on build-1", reason);
    }

    [Fact]
    public void A_lock_whose_pid_now_runs_another_process_is_stale()
    {
        var held = Lock("build-1", pid: 200, Now.AddMinutes(-5), token: "t");

        var reason = StaleLock.Reason(held, Me, StartOf((200, Now.AddMinutes(-2))), _ => false);

        Assert.Equal("process 200 no longer runs on build-1 (its pid is another process's now)", reason);
    }

    [Fact]
    public void A_lock_of_a_live_process_on_this_host_holds()
    {
        var started = Now.AddMinutes(-5);
        var held = Lock("build-1", pid: 200, started, token: "t");

        Assert.Null(StaleLock.Reason(held, Me, StartOf((200, started.AddMilliseconds(300))), _ => false));
    }

    [Fact]
    public void A_process_whose_start_cannot_be_read_is_taken_to_run()
    {
        var held = Lock("build-1", pid: 200, Now.AddMinutes(-5), token: "t");

        Assert.Null(StaleLock.Reason(held, Me, StartOf((200, DateTimeOffset.MaxValue)), _ => false));
    }

    [Fact]
    public void A_lock_from_another_host_holds_even_if_no_such_pid_runs_here()
    {
        var held = Lock("build-2", pid: 200, Now.AddMinutes(-5), token: "t");

        Assert.Null(StaleLock.Reason(held, Me, StartOf(), _ => false));
    }

    [Fact]
    public void A_lock_from_another_pid_namespace_with_the_same_host_name_holds()
    {
        var held = Lock("build-1", pid: 200, Now.AddMinutes(-5), token: "t") with { PidNamespace = "pid:[2]" };

        Assert.Null(StaleLock.Reason(held, Me with { PidNamespace = "pid:[1]" }, StartOf(), _ => false));
    }

    [Fact]
    public void An_earlier_run_in_this_process_that_did_not_release_its_lock_is_stale()
    {
        var held = Lock("build-1", pid: 100, MyStart, token: "left-behind");

        Assert.Equal("an earlier run in this process did not release it", StaleLock.Reason(held, Me, StartOf((100, MyStart)), t => t == "mine"));
    }

    [Fact]
    public void A_lock_this_process_holds_now_holds()
    {
        var held = Lock("build-1", pid: 100, MyStart, token: "mine");

        Assert.Null(StaleLock.Reason(held, Me, StartOf((100, MyStart)), t => t == "mine"));
    }

    [Fact]
    public void A_retried_ci_run_takes_over_its_earlier_attempts_lock_from_another_host()
    {
        var held = Lock("runner-a", pid: 7, Now.AddMinutes(-9), token: "t") with { Run = "github:42", Attempt = 1 };
        var me = Me with { Run = "github:42", Attempt = 2 };

        Assert.Equal("its CI run was retried (attempt 1, now 2)", StaleLock.Reason(held, me, StartOf(), _ => false));
    }

    [Theory]
    [InlineData("github:42", 2, "github:42", 2)]
    [InlineData("github:42", 3, "github:42", 2)]
    [InlineData("github:41", 1, "github:42", 2)]
    [InlineData("azure:42", 1, "github:42", 2)]
    public void Another_ci_run_or_the_same_attempt_holds(string heldRun, int heldAttempt, string myRun, int myAttempt)
    {
        var held = Lock("runner-a", pid: 7, Now.AddMinutes(-9), token: "t") with { Run = heldRun, Attempt = heldAttempt };

        Assert.Null(StaleLock.Reason(held, Me with { Run = myRun, Attempt = myAttempt }, StartOf(), _ => false));
    }

    [Fact]
    public void A_lock_without_holder_details_holds()
    {
        var held = new DeployLock("ci run 42", "deploy", Now, Now.AddHours(1));

        Assert.Null(StaleLock.Reason(held, Me, StartOf(), _ => false));
    }

    private static DeployLock Lock(string host, int pid, DateTimeOffset processStarted, string token) =>
        new($"someone ({host}, pid {pid})", "deploy", Now.AddMinutes(-1), Now.AddMinutes(59)) { Host = host, Pid = pid, ProcessStarted = processStarted, Token = token };

    /// <summary>The processes running on this host: pid → start time; any other pid runs nothing.</summary>
    private static Func<int, DateTimeOffset?> StartOf(params (int Pid, DateTimeOffset Started)[] running) =>
        pid => running.Where(r => r.Pid == pid).Select(r => (DateTimeOffset?)r.Started).FirstOrDefault();
}
