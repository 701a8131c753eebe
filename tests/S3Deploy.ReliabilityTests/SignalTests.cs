using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using S3Deploy.Cli;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;
using S3Deploy.ReliabilityTests.Infrastructure;
using Xunit.Abstractions;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// Ctrl+C and SIGTERM sent to a real s3deploy process in the middle of a multipart upload: the deploy cancels, aborts the
/// upload, records what landed, deletes nothing and exits 130; a second signal ends it at once. A rerun converges.
/// </summary>
public sealed class SignalTests(S3ServerFixture server, ITestOutputHelper output) : ReliabilityTest(server)
{
    private const int SmallFiles = 12;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_mid_upload_aborts_the_upload_records_what_landed_deletes_nothing_and_exits_130(string signal)
    {
        var site = await DeployedSiteWithChangesAsync();
        var proxy = Proxy();
        proxy.Rule = r => r.Operation == S3Operation.UploadPart ? Fault.Stall : null;

        using var run = StartDeploy(site, proxy);
        await run.WaitUntilAsync("the big file's first part is held and every small file has landed", () => PartHeld(proxy) && run.AllSmallFilesDone);
        await CliProcess.SignalAsync(run.Process, signal);
        var (code, stderr) = await run.ExitAsync();

        output.WriteLine(stderr);
        Assert.Equal(FailureKind.Cancelled.ExitCode(), code);
        Assert.Contains($"error S3D030: Cancelled: {SmallFiles} of {SmallFiles + 2} files were written, nothing was deleted.", stderr);
        Assert.DoesNotContain(run.Lines, l => l.Contains("S3D116", StringComparison.Ordinal));
        Assert.Contains(proxy.Log, e => e.Request.Operation == S3Operation.AbortMultipart);
        Assert.Empty(await OpenUploadsAsync(proxy));
        await AssertNothingDeletedAsync(proxy);
        await AssertManifestRecordsWhatLandedAsync(site);
        Assert.DoesNotContain(".s3deploy/lock.json", (await Bucket.ListAsync()).Keys); // a cancelled run releases its lock

        await DeployAsync(Options(site));
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task A_second_signal_during_the_cleanup_exits_130_at_once()
    {
        var site = await DeployedSiteWithChangesAsync();
        var proxy = Proxy();
        proxy.Rule = r => r.Operation is S3Operation.UploadPart or S3Operation.AbortMultipart ? Fault.Stall : null;

        using var run = StartDeploy(site, proxy);
        await run.WaitUntilAsync("the big file's first part is held and every small file has landed", () => PartHeld(proxy) && run.AllSmallFilesDone);
        await CliProcess.SignalAsync(run.Process, "INT");
        await run.WaitUntilAsync("the abort of the upload is sent (and held)", () => proxy.Log.Any(e => e.Request.Operation == S3Operation.AbortMultipart));
        await CliProcess.SignalAsync(run.Process, "INT");
        var (code, stderr) = await run.ExitAsync();

        output.WriteLine(stderr);
        Assert.Equal(FailureKind.Cancelled.ExitCode(), code);
        Assert.Contains("error S3D030: Cancelled again: stopped at once", stderr);
        Assert.DoesNotContain("error S3D030: Cancelled:", stderr);
        Assert.DoesNotContain(proxy.Log, e => e.Request.IsManifest && e.Request.Operation == S3Operation.Put);
        Assert.Single(await OpenUploadsAsync(proxy));
        await AssertNothingDeletedAsync(proxy);

        await DeployAsync(Options(site));
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task A_signal_during_the_last_manifest_write_says_what_was_deleted_and_still_records_it()
    {
        var site = await DeployedSiteWithChangesAsync(withLargeFile: false);
        var proxy = Proxy();
        proxy.Rule = FaultProxy.FirstN(1, Fault.Stall, r => r.IsManifest && r.Operation == S3Operation.Put);

        using var run = StartDeploy(site, proxy);
        await run.WaitUntilAsync("the manifest write is sent (and held)", () => proxy.Log.Any(e => e.Request.IsManifest && e.Request.Operation == S3Operation.Put));
        await CliProcess.SignalAsync(run.Process, "INT");
        var (code, stderr) = await run.ExitAsync();

        output.WriteLine(stderr);
        Assert.Equal(FailureKind.Cancelled.ExitCode(), code);
        Assert.Contains($"error S3D030: Cancelled: {SmallFiles + 1} of {SmallFiles + 1} files were written, 1 of 1 stale objects were deleted.", stderr);
        Assert.DoesNotContain("stale.txt", (await Bucket.ListAsync()).Keys);
        await AssertManifestRecordsAsync(site, landed: [.. Enumerable.Range(0, SmallFiles).Select(SmallName), "index.html"]);

        // All landed but the release record: the rerun has nothing to change, and records the release (else 'rollback' would skip it).
        var rerun = await DeployAsync(Options(site));
        Assert.Empty(rerun.Actions);
        Assert.Equal(2, (await Bucket.ListAsync(".s3deploy/releases/")).Count);
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task Ctrl_C_at_a_terminal_gives_the_cursor_back_after_the_cleanup_and_exits_130()
    {
        var site = await DeployedSiteWithChangesAsync();
        var proxy = Proxy();
        proxy.Rule = r => r.Operation is S3Operation.UploadPart or S3Operation.AbortMultipart ? Fault.Stall : null;

        // util-linux 'script' runs the deploy on a pseudo-terminal: the live progress display hides the cursor, and a 0x03
        // typed into it is a real Ctrl+C (the terminal sends SIGINT). The abort is held, so the cleanup takes its 10 s.
        using var terminal = CliProcess.StartOnTerminal(["deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", proxy.Endpoint, "--concurrency", "4"]);
        var screen = terminal.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!PartHeld(proxy))
        {
            if (terminal.HasExited)
            {
                Assert.Fail($"The deploy ended before its upload started: {await screen}");
            }
            Assert.True(clock.Elapsed < Patience, "Waited too long for the upload to start.");
            await Task.Delay(100);
        }

        await terminal.StandardInput.WriteAsync('\x03');
        await terminal.StandardInput.FlushAsync();
        using var limit = new CancellationTokenSource(Patience);
        await terminal.WaitForExitAsync(limit.Token);
        var text = await screen;

        output.WriteLine(text);
        Assert.Equal(FailureKind.Cancelled.ExitCode(), terminal.ExitCode);
        Assert.Contains("\e[?25l", text);
        Assert.True(text.LastIndexOf("\e[?25h", StringComparison.Ordinal) > text.LastIndexOf("\e[?25l", StringComparison.Ordinal), "The cursor is left hidden.");
        Assert.Contains("S3D116: Could not abort", text);
        Assert.Contains("error S3D030: Cancelled:", text);
        await AssertNothingDeletedAsync(proxy);
    }

    [Fact]
    public async Task Run_by_a_parent_that_forwards_cancel_Ctrl_C_is_left_to_the_parent_and_its_SIGTERM_cancels_cleanly()
    {
        var site = await DeployedSiteWithChangesAsync();
        var proxy = Proxy();
        proxy.Rule = r => r.Operation is S3Operation.UploadPart or S3Operation.AbortMultipart ? Fault.Stall : null;

        // As under the MSBuild task: a terminal's Ctrl+C reaches the whole process group, then the task sends SIGTERM.
        using var run = StartDeploy(site, proxy, new Dictionary<string, string?> { [StopSignals.ParentForwardsVariable] = "1" });
        await run.WaitUntilAsync("the big file's first part is held and every small file has landed", () => PartHeld(proxy) && run.AllSmallFilesDone);
        await CliProcess.SignalAsync(run.Process, "INT");
        await CliProcess.SignalAsync(run.Process, "TERM");
        var (code, stderr) = await run.ExitAsync();

        output.WriteLine(stderr);
        Assert.Equal(FailureKind.Cancelled.ExitCode(), code);
        Assert.Contains($"error S3D030: Cancelled: {SmallFiles} of {SmallFiles + 2} files were written, nothing was deleted.", stderr);
        Assert.DoesNotContain("Cancelled again", stderr);
        Assert.Contains(run.Lines, l => l.StartsWith("warning S3D116: Could not abort the unfinished multipart upload of 'big.bin'", StringComparison.Ordinal));
        await AssertNothingDeletedAsync(proxy);
        await AssertManifestRecordsWhatLandedAsync(site);

        await DeployAsync(Options(site));
        await AssertConvergedAsync(site);
    }

    /// <summary>
    /// A site deployed once, then changed: small files rewritten, one file gone (a stale object to delete) and a file big
    /// enough for a multipart upload (sparse, so cheap to write), which goes first as the largest.
    /// </summary>
    private async Task<TempSite> DeployedSiteWithChangesAsync(bool withLargeFile = true)
    {
        var site = Own(new TempSite());
        for (var i = 0; i < SmallFiles; i++)
        {
            site.Write(SmallName(i), $"v1 {i}");
        }

        site.Write("stale.txt", "stale");
        site.Write("index.html", "<h1>v1</h1>");
        await DeployAsync(Options(site));

        site.Delete("stale.txt");
        for (var i = 0; i < SmallFiles; i++)
        {
            site.Write(SmallName(i), $"v2 {i}");
        }

        site.Write("index.html", "<h1>v2</h1>");
        if (withLargeFile)
        {
            using var big = File.Create(site.FullPath("big.bin"));
            big.SetLength(DeployOptions.DefaultMultipartThreshold + (1 << 20));
        }

        return site;
    }

    private Deploy StartDeploy(TempSite site, FaultProxy proxy, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(CliProcess.Start(["deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", proxy.Endpoint, "--concurrency", "4"], environment));

    private static bool PartHeld(FaultProxy proxy) => proxy.Log.Any(e => e.Request.Operation == S3Operation.UploadPart);

    private static string SmallName(int i) => string.Create(CultureInfo.InvariantCulture, $"f{i:D2}.txt");

    private async Task<IReadOnlyList<MultipartUpload>> OpenUploadsAsync(FaultProxy proxy)
    {
        using var s3 = S3ClientFactory.Create(Server.Connection with { EndpointUrl = proxy.Endpoint });
        var listing = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket.Name });
        return listing.MultipartUploads ?? [];
    }

    private async Task AssertNothingDeletedAsync(FaultProxy proxy)
    {
        // The deploy lock's release is the one delete a cancelled run sends.
        Assert.DoesNotContain(proxy.Log, e => e.Request.Operation is S3Operation.DeleteObjects or S3Operation.Delete && !e.Request.IsLock);
        Assert.Contains("stale.txt", (await Bucket.ListAsync()).Keys);
    }

    /// <summary>The small files landed with their new bytes, and the manifest says so; the page and the big file did not.</summary>
    private async Task AssertManifestRecordsWhatLandedAsync(TempSite site)
    {
        var manifest = await AssertManifestRecordsAsync(site, landed: [.. Enumerable.Range(0, SmallFiles).Select(SmallName)]);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("<h1>v1</h1>"))), manifest.Objects["index.html"].Md5);
        Assert.False(manifest.Objects.ContainsKey("big.bin"));
    }

    private async Task<DeployManifest> AssertManifestRecordsAsync(TempSite site, IReadOnlyList<string> landed)
    {
        var manifest = DeployManifest.FromJson(await Bucket.GetAsync(DeployManifest.RelativeKey));
        Assert.NotNull(manifest);
        foreach (var key in landed)
        {
            var md5 = Convert.ToHexStringLower(MD5.HashData(await File.ReadAllBytesAsync(site.FullPath(key))));
            Assert.Equal(md5, manifest.Objects[key].Md5);
        }

        await ManifestCheck.AssertTruthfulAsync(Bucket, "");
        return manifest;
    }

    /// <summary>A running deploy whose output is read as it comes, so a test can wait for what it printed.</summary>
    private sealed class Deploy : IDisposable
    {
        private readonly ConcurrentQueue<string> lines = new();
        private readonly Task reading;
        private readonly Task<string> stderr;

        public Deploy(Process process)
        {
            Process = process;
            stderr = process.StandardError.ReadToEndAsync();
            reading = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    lines.Enqueue(line);
                }
            });
        }

        public Process Process { get; }

        public IReadOnlyList<string> Lines => [.. lines];

        public bool AllSmallFilesDone => Enumerable.Range(0, SmallFiles).All(i => lines.Any(l => l.EndsWith(" " + SmallName(i), StringComparison.Ordinal)));

        public async Task WaitUntilAsync(string what, Func<bool> condition)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.False(Process.HasExited, $"The deploy ended before {what}: exit {(Process.HasExited ? Process.ExitCode : 0)}; {await ErrorsSoFarAsync()}");
                Assert.True(clock.Elapsed < Patience, $"Waited {Patience} for {what}; output: {string.Join(" | ", lines)}");
                await Task.Delay(100);
            }
        }

        public async Task<(int Code, string Stderr)> ExitAsync()
        {
            using var limit = new CancellationTokenSource(Patience);
            await Process.WaitForExitAsync(limit.Token);
            await reading;
            return (Process.ExitCode, await stderr);
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
            }

            Process.Dispose();
        }

        private async Task<string> ErrorsSoFarAsync() => stderr.IsCompleted ? await stderr : "(stderr still open)";
    }
}
