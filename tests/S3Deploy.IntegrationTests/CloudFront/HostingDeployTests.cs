using System.Text.Json;
using System.Xml.Linq;
using S3Deploy.Cli;
using S3Deploy.Core;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Edge;
using S3Deploy.Core.Website;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests.CloudFront;

/// <summary>--cloudfront-hosting against the loopback CloudFront (SigV4 checked on every call): function, publish, config with If-Match.</summary>
public sealed class HostingDeployTests : ServerTest
{
    private const string Distribution = "E3HOSTINGEXAMPLE";
    private static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private readonly FakeCloudFront cloudFront;

    public HostingDeployTests(Servers servers)
        : base(servers)
    {
        cloudFront = Own(new FakeCloudFront("S3RVER", "S3RVER"));
    }

    [Theory, OnS3rver]
    public async Task The_first_deploy_creates_publishes_and_associates_the_function_and_an_unchanged_second_writes_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "<h1>app</h1>"), ("docs/index.html", "docs"), ("app.js", "x"));

        var first = await DeployAsync(Hosting(site));
        var writesAfterFirst = Writes();
        var second = await DeployAsync(Hosting(site));

        var planned = Assert.Single(first.Plan.Hosting);
        Assert.Equal(HostingChange.Created, planned.FunctionChange);
        Assert.Contains("index /docs/", planned.RoutesAdded);
        Assert.Contains("spa /", planned.RoutesAdded);
        var (live, comment) = cloudFront.Function(HostingPlanner.FunctionName(Distribution));
        Assert.NotNull(live);
        Assert.StartsWith("var S = ", live, StringComparison.Ordinal);
        Assert.StartsWith("s3deploy ", comment, StringComparison.Ordinal);
        var config = cloudFront.DistributionConfig(Distribution);
        var association = Assert.Single(config.Descendants(Ns + "FunctionAssociation"));
        Assert.Equal("arn:aws:cloudfront::123456789012:function/s3deploy-" + Distribution, (string?)association.Element(Ns + "FunctionARN"));
        Assert.Equal(["403 /index.html 200", "404 /index.html 200"], config.Descendants(Ns + "CustomErrorResponse").Select(r => $"{r.Element(Ns + "ErrorCode")!.Value} {r.Element(Ns + "ResponsePagePath")!.Value} {r.Element(Ns + "ResponseCode")!.Value}"));
        Assert.Equal(["POST /2020-05-31/function", "POST /2020-05-31/function/s3deploy-E3HOSTINGEXAMPLE/publish", $"PUT /2020-05-31/distribution/{Distribution}/config"], writesAfterFirst);
        Assert.False(Assert.Single(second.Plan.Hosting).Changes);
        Assert.Equal(writesAfterFirst, Writes());
    }

    [Theory, OnS3rver]
    public async Task A_new_folder_updates_the_function_with_the_route_it_adds_and_a_dry_run_changes_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "home"), ("old/index.html", "old"));
        await DeployAsync(Hosting(site));
        site.Delete("old/index.html");
        site.Write("blog/index.html", "blog");
        var writes = Writes();

        var dry = await DeployAsync(Hosting(site) with { DryRun = true });
        var planned = Assert.Single(dry.Plan.Hosting);
        Assert.Equal(writes, Writes());
        await DeployAsync(Hosting(site));

        Assert.Equal(HostingChange.Updated, planned.FunctionChange);
        Assert.Equal(["index /blog/"], planned.RoutesAdded);
        Assert.Equal(["index /old/"], planned.RoutesDropped);
        Assert.Empty(planned.DistributionChanges);
        // The update and the publish; the distribution already had the function, and the other POST is the invalidation.
        Assert.Equal(["PUT", "POST"], Writes().Skip(writes.Count).Where(w => w.Contains("/function", StringComparison.Ordinal)).Select(w => w.Split(' ')[0]));
        Assert.DoesNotContain(Writes().Skip(writes.Count), w => w.EndsWith("/config", StringComparison.Ordinal));
        Assert.Contains("blog/", cloudFront.Function(HostingPlanner.FunctionName(Distribution)).LiveCode, StringComparison.Ordinal);
    }

    [Theory, OnS3rver]
    public async Task A_config_changed_by_someone_else_meanwhile_is_read_again_and_updated(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        cloudFront.ChangeConfigBeforeNextUpdates(2);
        var site = Site(("index.html", "home"));

        await DeployAsync(Hosting(site));

        Assert.Equal([412, 412, 200], cloudFront.Requests.Where(r => r.Method == "PUT" && r.Path.EndsWith("/config", StringComparison.Ordinal)).Select(r => r.Status));
        Assert.Single(cloudFront.DistributionConfig(Distribution).Descendants(Ns + "FunctionAssociation"));
    }

    [Theory, OnS3rver]
    public async Task Plan_shows_the_hosting_change_in_text_and_json_and_writes_nothing_at_CloudFront(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "home"), ("docs/index.html", "docs"));
        string[] args = ["plan", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", Server.Endpoint, "--cloudfront", Distribution, "--cloudfront-endpoint-url", cloudFront.Endpoint.ToString(), "--cloudfront-hosting", "--spa"];
        using var text = new StringWriter();
        using var json = new StringWriter();
        using var stderr = new StringWriter();

        var textExit = await CliApp.RunAsync(args, text, stderr);
        var jsonExit = await CliApp.RunAsync([.. args, "--json"], json, stderr);

        Assert.True(textExit == 0 && jsonExit == 0, stderr.ToString());
        Assert.Contains($"cloudfront hosting (update)  {Distribution}: function s3deploy-{Distribution} created", text.ToString() + stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.ToString());
        var hosting = Assert.Single(doc.RootElement.GetProperty("cloudfrontHosting").EnumerateArray().ToList());
        Assert.Equal("created", hosting.GetProperty("change").GetString());
        Assert.Contains("index /docs/", hosting.GetProperty("routesAdded").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("error 404 → /index.html (200)", hosting.GetProperty("distributionChanges").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(Writes());
    }

    [Theory, OnS3rver]
    public async Task Headers_become_a_response_headers_policy_on_the_behaviour_updated_only_when_they_change(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "home"));
        var options = Hosting(site) with { ResponseHeaders = new Dictionary<string, string> { ["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains", ["Permissions-Policy"] = "camera=()" } };

        var first = await DeployAsync(options);
        var unchanged = await DeployAsync(options);
        var writes = Writes();
        await DeployAsync(options with { ResponseHeaders = new Dictionary<string, string> { ["X-Frame-Options"] = "DENY" } });

        Assert.Equal(HostingChange.Created, Assert.Single(first.Plan.Hosting).HeadersPolicyChange);
        Assert.Equal(HostingChange.Unchanged, Assert.Single(unchanged.Plan.Hosting).HeadersPolicyChange);
        Assert.Equal(["PUT /2020-05-31/response-headers-policy/rhp-0001"], Writes().Skip(writes.Count));
        var id = (string)cloudFront.DistributionConfig(Distribution).Descendants(Ns + "ResponseHeadersPolicyId").Single();
        var policy = cloudFront.ResponseHeadersPolicy(id)!;
        Assert.Equal("DENY", (string?)policy.Descendants(Ns + "FrameOption").Single());
        Assert.Empty(policy.Descendants(Ns + "StrictTransportSecurity"));
        Assert.Contains("POST /2020-05-31/response-headers-policy", writes);
    }

    [Theory, OnS3rver]
    public async Task A_missing_UpdateFunction_permission_is_a_coded_error_naming_it_and_a_rerun_converges(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "home"));
        await DeployAsync(Hosting(site));
        site.Write("docs/index.html", "docs");
        cloudFront.Denied = "PUT /2020-05-31/function/";

        var error = await Assert.ThrowsAsync<S3Deploy.Core.Diagnostics.DeployException>(() => DeployAsync(Hosting(site)));
        cloudFront.Denied = null;
        var rerun = await DeployAsync(Hosting(site));

        Assert.Equal("S3D011", error.Code);
        Assert.Contains("cloudfront:UpdateFunction", error.Message, StringComparison.Ordinal);
        Assert.Equal(HostingChange.Updated, Assert.Single(rerun.Plan.Hosting).FunctionChange);
        Assert.Contains("docs/", cloudFront.Function(HostingPlanner.FunctionName(Distribution)).LiveCode, StringComparison.Ordinal);
    }

    [Theory, OnS3rver]
    public async Task A_run_stopped_after_creating_the_headers_policy_converges_on_that_policy(Emulator emulator)
    {
        await UseAsync(emulator);
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var options = Hosting(Site(("index.html", "home"))) with { ResponseHeaders = new Dictionary<string, string> { ["X-Frame-Options"] = "DENY" } };
        cloudFront.Denied = "PUT /2020-05-31/distribution/";

        await Assert.ThrowsAsync<S3Deploy.Core.Diagnostics.DeployException>(() => DeployAsync(options));
        cloudFront.Denied = null;
        await DeployAsync(options);

        Assert.Equal("rhp-0001", (string)cloudFront.DistributionConfig(Distribution).Descendants(Ns + "ResponseHeadersPolicyId").Single());
        Assert.Null(cloudFront.ResponseHeadersPolicy("rhp-0002"));
    }

    private List<string> Writes() =>
        [.. cloudFront.Requests.Where(r => r.Method is "POST" or "PUT" && r.Status < 300).Select(r => $"{r.Method} {r.Path}")];

    private DeployOptions Hosting(TempSite site) => Options(site) with
    {
        Website = new WebsiteSettings { Spa = true },
        CloudFront = new CloudFrontSettings
        {
            Distributions = [Distribution],
            EndpointUrl = cloudFront.Endpoint.ToString(),
            PollInterval = TimeSpan.FromMilliseconds(20),
            Hosting = true,
        },
    };
}
