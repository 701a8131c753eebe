using System.Diagnostics;
using System.Net.Sockets;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests;

/// <summary>Pipes, sockets, devices and paths the operating system cannot open: skipped or refused, never read.</summary>
public sealed class SiteScannerSpecialFileTests : ScanTest
{
    [Fact]
    public async Task Named_pipe_is_skipped_with_a_warning_and_never_opened()
    {
        Site.Write("index.html", "x");
        Run("mkfifo", Site.Combine("pipe"));

        var scan = await Scan(Site.Path).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(["index.html"], Keys(scan));
        Assert.Contains("S3D105: Skipped 'pipe': a named pipe", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Socket_is_skipped_with_a_warning()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Site.Combine("control.sock")));

        var scan = await Scan(Site.Path, false, "none");

        Assert.Empty(scan.Files);
        Assert.Contains("S3D105: Skipped 'control.sock': a socket", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_to_a_device_is_skipped_even_with_follow_symlinks()
    {
        File.CreateSymbolicLink(Site.Combine("zero.bin"), "/dev/zero");

        var scan = await Scan(Site.Path, followSymlinks: true).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(scan.Files);
        Assert.Contains("S3D105: Skipped 'zero.bin': a character device", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excluded_pipe_gives_no_warning()
    {
        Site.Write("index.html", "x");
        Run("mkfifo", Site.Combine("pipe"));

        var scan = await Scan(Site.Path, false, "pipe");

        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public async Task Path_longer_than_PATH_MAX_is_refused_with_S3D009()
    {
        // mkdir -p creates one folder at a time from inside the last, as no single path may be that long.
        Run("mkdir", "-p", Site.Combine(string.Concat(Enumerable.Repeat("d/", 2100))));
        try
        {
            var e = await Assert.ThrowsAsync<DeployException>(() => Scan(Site.Path));

            Assert.Equal(DiagnosticCode.BadSourceFile, e.Code);
            Assert.Contains("'d/d/d/d/", e.Message, StringComparison.Ordinal);
            Assert.True(e.Message.Contains("longer than the operating system allows", StringComparison.Ordinal), e.Message);
        }
        finally
        {
            Run("rm", "-rf", Site.Combine("d"));
        }
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {error}");
    }
}
