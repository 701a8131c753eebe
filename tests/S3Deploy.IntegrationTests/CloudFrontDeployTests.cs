using System.Text.Json;
using S3Deploy.Cli;
using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Planning;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class CloudFrontDeployTests : ServerTest
{
    private const string Distribution = "E2QWRUHAPOMQZL";
    private readonly FakeCloudFront cloudFront;

    public CloudFrontDeployTests(Servers servers)
        : base(servers)
    {
        // Signed with the key pair s3rver uses, since the deploy resolves one identity for S3 and CloudFront.
        cloudFront = Own(new FakeCloudFront("S3RVER", "S3RVER"));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Changed_and_deleted_files_get_exactly_one_invalidation_and_deletes_wait_for_it(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "<h1>v1</h1>"), ("a.css", "a{}"), ("old.html", "<p>old</p>"), ("same.js", "x"));
        var first = await DeployAsync(WithCloudFront(site));
        site.Write("a.css", "a{color:red}");
        site.Delete("old.html");
        site.Write("new.js", "y");
        var events = new EventLog();

        var second = await DeployAsync(WithCloudFront(site), events);
        var third = await DeployAsync(WithCloudFront(site));

        Assert.Empty(first.Invalidations);
        var made = Assert.Single(cloudFront.Invalidations(Distribution));
        Assert.Equal(["/a.css", "/old.html"], made.Paths);
        var reported = Assert.Single(second.Invalidations);
        Assert.Equal((Distribution, made.Id, "Completed"), (reported.DistributionId, reported.Id, reported.Status));
        Assert.True(events.IndexOf("completed") < events.IndexOf("delete old.html"), string.Join("\n", events.Lines));
        Assert.DoesNotContain("old.html", (await Bucket.ListAsync()).Keys);
        Assert.Empty(third.Invalidations);
        Assert.Single(cloudFront.Invalidations(Distribution));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Prefix_maps_through_the_origin_path_and_index_pages_invalidate_their_folder(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name, originPath: "/www");
        var site = Site(("index.html", "v1"), ("docs/index.html", "d1"));
        await DeployAsync(WithCloudFront(site, "www"));
        site.Write("docs/index.html", "d2");

        await DeployAsync(WithCloudFront(site, "www"));

        Assert.Equal(["/docs", "/docs/", "/docs/index.html"], Assert.Single(cloudFront.Invalidations(Distribution)).Paths);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_wait_that_times_out_warns_and_keeps_stale_files_for_a_later_deploy(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "v1"), ("old.css", "o{}"));
        await DeployAsync(WithCloudFront(site));
        site.Write("index.html", "v2");
        site.Delete("old.css");
        cloudFront.PollsBeforeCompleted = 1000;
        var slow = WithCloudFront(site);
        slow = slow with { CloudFront = slow.CloudFront with { WaitTimeout = TimeSpan.FromMilliseconds(400) } };

        var timedOut = await DeployAsync(slow);

        Assert.Contains(timedOut.Warnings, w => w.ToString().Contains("did not complete", StringComparison.Ordinal));
        Assert.Equal(1, timedOut.KeptStale);
        Assert.Equal(0, timedOut.Deleted);
        Assert.Contains("old.css", (await Bucket.ListAsync()).Keys);

        cloudFront.PollsBeforeCompleted = 0;
        var later = await DeployAsync(WithCloudFront(site));

        Assert.Equal(["delete:stale:old.css"], Describe(later));
        Assert.DoesNotContain("old.css", (await Bucket.ListAsync()).Keys);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_service_error_is_retried_without_a_second_invalidation(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "v1"));
        await DeployAsync(WithCloudFront(site));
        site.Write("index.html", "v2");
        cloudFront.FailNext(1, FakeCloudFront.Failure.LoseResponse);

        var result = await DeployAsync(WithCloudFront(site));

        Assert.Equal(["/", "/index.html"], Assert.Single(cloudFront.Invalidations(Distribution)).Paths);
        Assert.Single(result.Invalidations);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Dry_run_shows_the_paths_and_creates_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "v1"), ("a.css", "a"));
        await DeployAsync(WithCloudFront(site));
        site.Write("a.css", "b");

        var preview = await DeployAsync(WithCloudFront(site) with { DryRun = true });

        var planned = Assert.Single(preview.Invalidations);
        Assert.Null(planned.Id);
        Assert.Equal(["/a.css"], planned.Paths);
        Assert.Empty(cloudFront.Invalidations(Distribution));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Plan_json_lists_the_planned_paths_and_creates_no_invalidation(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name, originPath: "/www");
        var site = Site(("index.html", "v1"), ("docs/index.html", "d1"));
        await DeployAsync(WithCloudFront(site, "www"));
        site.Write("docs/index.html", "d2");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(
            ["plan", site.Path, $"s3://{Bucket.Name}/www", "--endpoint-url", Server.Endpoint, "--cloudfront", Distribution, "--cloudfront-endpoint-url", cloudFront.Endpoint.ToString(), "--json"],
            stdout,
            stderr);

        Assert.True(code == 0, stderr.ToString());
        using var json = JsonDocument.Parse(stdout.ToString());
        var invalidation = Assert.Single(json.RootElement.GetProperty("invalidations").EnumerateArray().ToList());
        Assert.Equal((Distribution, JsonValueKind.Null, "Planned"), (invalidation.GetProperty("distributionId").GetString(), invalidation.GetProperty("id").ValueKind, invalidation.GetProperty("status").GetString()));
        Assert.Equal(["/docs", "/docs/", "/docs/index.html"], invalidation.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(cloudFront.Invalidations(Distribution));
        Assert.Equal("d1"u8.ToArray(), await Bucket.GetAsync("www/docs/index.html"));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Cli_json_reports_the_invalidation(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "v1"));
        await DeployAsync(WithCloudFront(site));
        site.Write("index.html", "v2");
        cloudFront.PollsBeforeCompleted = 0;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(
            ["deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", Server.Endpoint, "--cloudfront", Distribution, "--cloudfront-endpoint-url", cloudFront.Endpoint.ToString(), "--json"],
            stdout,
            stderr);

        Assert.True(code == 0, stderr.ToString());
        using var json = JsonDocument.Parse(stdout.ToString());
        var invalidation = Assert.Single(json.RootElement.GetProperty("invalidations").EnumerateArray().ToList());
        Assert.Equal(Distribution, invalidation.GetProperty("distributionId").GetString());
        Assert.Equal(Assert.Single(cloudFront.Invalidations(Distribution)).Id, invalidation.GetProperty("id").GetString());
        Assert.Equal(["/", "/index.html"], invalidation.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
    }

    private DeployOptions WithCloudFront(TempSite site, string prefix = "") => Options(site, prefix) with
    {
        CloudFront = new CloudFrontSettings
        {
            Distributions = [Distribution],
            EndpointUrl = cloudFront.Endpoint.ToString(),
            PollInterval = TimeSpan.FromMilliseconds(20),
        },
    };

    private sealed class EventLog : IDeployObserver
    {
        public List<string> Lines { get; } = [];

        public void Info(string message) => Add(message);

        public void ActionCompleted(PlannedAction action) => Add($"{action.KindName} {action.RelativeKey}");

        public int IndexOf(string part) => Lines.FindIndex(l => l.Contains(part, StringComparison.Ordinal));

        private void Add(string line)
        {
            lock (Lines)
            {
                Lines.Add(line);
            }
        }
    }
}
