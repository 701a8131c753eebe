using System.Collections.Concurrent;
using System.Text.Json;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Planning;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>What a first-time user sees when a deploy fails midway: --json still one object, and progress that moves.</summary>
public sealed class FirstRunJsonTests(S3ServerFixture server) : ReliabilityTest(server)
{
    [Fact]
    public async Task Json_of_a_deploy_that_fails_midway_is_one_object_with_the_error_and_what_was_done()
    {
        var site = Site([.. Enumerable.Range(1, 6).Select(i => ($"f{i}.txt", new string('x', i)))]);
        var proxy = Proxy();
        proxy.Rule = r => r.IsUpload && r.Key == "f3.txt" ? Fault.InternalError : null;

        var (code, stdout, stderr) = await CliAsync("deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", proxy.Endpoint, "--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("S3D020", root.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("Nothing was deleted", root.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, root.GetProperty("uploaded").GetInt32());
        Assert.Equal(0, root.GetProperty("deleted").GetInt32());
        Assert.DoesNotContain("f3.txt", root.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("key").GetString()));
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("message").GetString()!.Contains("f3.txt", StringComparison.Ordinal));
        Assert.StartsWith("error S3D020: ", stderr.Split('\n').Single(l => l.StartsWith("error ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_multipart_upload_reports_its_bytes_part_by_part_before_it_completes()
    {
        const int MiB = 1024 * 1024;
        var site = Site();
        site.Write("big.bin", new byte[12 * MiB]);
        var observer = new Recorder();

        await DeployAsync(Options(site) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB }, observer);

        var events = observer.Events.ToList();
        var completed = events.IndexOf("done big.bin");
        var sentBefore = events.Take(completed).Where(e => e.StartsWith("sent ", StringComparison.Ordinal)).Sum(e => long.Parse(e[5..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(completed > 0, string.Join("\n", events));
        Assert.True(sentBefore >= 12 * MiB, $"{sentBefore} bytes reported before the upload completed");
        Assert.True(events.Take(completed).Count(e => e.StartsWith("sent ", StringComparison.Ordinal)) >= 3, string.Join("\n", events));
    }

    private sealed class Recorder : IDeployObserver
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public void BytesSent(PlannedAction action, long bytes) => Events.Enqueue($"sent {bytes}");

        public void ActionCompleted(PlannedAction action) => Events.Enqueue($"done {action.RelativeKey}");
    }
}
