using System.Net;
using System.Text.Json;
using Amazon.S3.Model;
using S3Deploy.Cli;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Website;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class WebsiteTests(Servers servers) : ServerTest(servers)
{
    private const string MotoServesNoWebsite = "moto serves no website endpoint (it stores the configuration only)";

    [Theory, OnS3rver, OnMoto]
    public async Task Website_configuration_reads_back(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"), ("404.html", "<h1>not here</h1>"));

        var result = await DeployAsync(Options(site) with { Website = new WebsiteSettings { Error = "404.html" } });

        var config = await ReadWebsiteConfigurationAsync();
        Assert.Equal("index.html", config.IndexDocumentSuffix);
        Assert.Equal("404.html", config.ErrorDocument);
        Assert.Equal($"{Server.Endpoint}/{Bucket.Name}/", result.WebsiteUrl);
    }

    [Theory, OnS3rver, OnMoto(Skip = MotoServesNoWebsite)]
    public async Task Website_endpoint_serves_index_error_and_redirects(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"), ("404.html", "<h1>not here</h1>"), ("docs/index.html", "<h1>docs</h1>"));

        await DeployAsync(Options(site) with { Website = new WebsiteSettings { Error = "404.html" }, Redirects = new Dictionary<string, string> { ["/old.html"] = "/docs/" } });

        var home = await GetWebsiteAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("<h1>home</h1>", await home.Content.ReadAsStringAsync());
        var docs = await GetWebsiteAsync("/docs/");
        Assert.Equal("<h1>docs</h1>", await docs.Content.ReadAsStringAsync());
        var missing = await GetWebsiteAsync("/nope.html");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("<h1>not here</h1>", await missing.Content.ReadAsStringAsync());
        var moved = await GetWebsiteAsync("/old.html");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/docs/", moved.Headers.Location?.OriginalString);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Website_configuration_is_written_only_when_it_differs(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"), ("404.html", "gone"));
        var options = Options(site) with { Website = new WebsiteSettings { Error = "404.html" } };
        var first = new Recorder();
        var second = new Recorder();
        var changed = new Recorder();

        await DeployAsync(options, first);
        await DeployAsync(options, second);
        await DeployAsync(options with { Website = new WebsiteSettings { Spa = true } }, changed);

        Assert.Contains(first.Lines, l => l.StartsWith("Configured website hosting", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Lines, l => l.StartsWith("Configured website hosting", StringComparison.Ordinal));
        Assert.Contains(changed.Lines, l => l.StartsWith("Configured website hosting", StringComparison.Ordinal));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Plan_json_shows_the_website_change_and_writes_no_configuration(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"), ("404.html", "gone"));

        var create = await PlanJsonAsync(site, "--error-document", "404.html");
        var untouched = await ReadWebsiteOrNullAsync();
        await DeployAsync(Options(site) with { Website = new WebsiteSettings { Error = "404.html" } });
        var same = await PlanJsonAsync(site, "--error-document", "404.html");
        var update = await PlanJsonAsync(site, "--spa");

        Assert.Equal(("create", "index.html", "404.html", false), Website(create));
        Assert.Equal($"{Server.Endpoint}/{Bucket.Name}/", create.GetProperty("url").GetString());
        Assert.Null(untouched);
        Assert.Equal("none", same.GetProperty("change").GetString());
        Assert.Equal(("update", "index.html", "index.html", true), Website(update));
        Assert.Equal("404.html", (await ReadWebsiteConfigurationAsync()).ErrorDocument);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Single_page_app_points_the_error_document_at_its_index(Emulator emulator)
    {
        await UseAsync(emulator);

        await DeployAsync(Options(Site(("index.html", "<div id=app></div>")), "spa") with { Website = new WebsiteSettings { Spa = true } });

        Assert.Equal("spa/index.html", (await ReadWebsiteConfigurationAsync()).ErrorDocument);
    }

    [Theory, OnS3rver, OnMoto(Skip = MotoServesNoWebsite)]
    public async Task Single_page_app_serves_the_index_for_unknown_paths(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<div id=app></div>"), ("app.js", "boot()"));

        await DeployAsync(Options(site, "spa") with { Website = new WebsiteSettings { Spa = true } });

        var deepLink = await GetWebsiteAsync("/spa/orders/42");
        Assert.Equal("<div id=app></div>", await deepLink.Content.ReadAsStringAsync());
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Stale_objects_are_kept_for_keep_stale_then_deleted_by_a_later_deploy(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "v1"), ("app.111.js", "old"));
        await DeployAsync(site);
        site.Delete("app.111.js");
        site.Write("app.222.js", "new");
        var options = Options(site) with { KeepStale = TimeSpan.FromSeconds(2) };

        var kept = await DeployAsync(options);
        var stillKept = await DeployAsync(options);
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var later = await DeployAsync(options);

        Assert.Equal(["upload:new:app.222.js"], Describe(kept));
        Assert.Equal(1, kept.KeptStale);
        Assert.Empty(stillKept.Actions);
        Assert.Equal(1, stillKept.KeptStale);
        Assert.Equal(["delete:stale:app.111.js"], Describe(later));
        Assert.Equal(0, later.KeptStale);
        Assert.DoesNotContain("app.111.js", (await Bucket.ListAsync()).Keys);
    }

    private static (string?, string?, string?, bool) Website(JsonElement website) =>
        (website.GetProperty("change").GetString(), website.GetProperty("index").GetString(), website.GetProperty("error").GetString(), website.GetProperty("spa").GetBoolean());

    /// <summary>The "website" part of `s3deploy plan --json`.</summary>
    private async Task<JsonElement> PlanJsonAsync(TempSite site, params string[] flags)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["plan", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", Server.Endpoint, "--json", .. flags], stdout, stderr, interactive: false, CancellationToken.None);
        Assert.True(code == 0, stderr.ToString());
        using var json = JsonDocument.Parse(stdout.ToString());
        return json.RootElement.GetProperty("website").Clone();
    }

    private async Task<WebsiteConfiguration?> ReadWebsiteOrNullAsync()
    {
        using var s3 = Server.Client();
        return await new BucketSettingsReader(s3, new S3Target(Bucket.Name, "")).WebsiteAsync(CancellationToken.None);
    }

    private async Task<WebsiteConfiguration> ReadWebsiteConfigurationAsync()
    {
        using var s3 = Server.Client();
        return (await s3.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { BucketName = Bucket.Name })).WebsiteConfiguration;
    }

    /// <summary>A request as a browser sends it to the bucket's website endpoint (s3rver picks the bucket from the Host).</summary>
    private async Task<HttpResponseMessage> GetWebsiteAsync(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, Server.Endpoint + path);
        request.Headers.Host = $"{Bucket.Name}.s3-website-us-east-1.amazonaws.com";
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private sealed class Recorder : IDeployObserver
    {
        public List<string> Lines { get; } = [];

        public void Info(string message)
        {
            lock (Lines)
            {
                Lines.Add(message);
            }
        }
    }
}
