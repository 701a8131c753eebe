using System.Text.Json.Nodes;
using S3Deploy.Core.Website;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>No secret is ever printed; keys never leave the prefix; nothing S3Deploy owns is made public.</summary>
public sealed class SecurityTests(S3ServerFixture server) : ReliabilityTest(server)
{
    // s3rver checks only the access key id, so any secret signs acceptably; these are recognisable if they leak.
    private const string Secret = "kNoWn/S3cret+Value/4Leak-Check0123456789ab";
    private const string Token = "FwoGZXIvYXdzKNOWNSESSIONTOKEN//leak+check/VALUE0123456789abcdefXYZ";
    private const string Distribution = "E2QWRUHAPOMQZL";

    [Fact]
    public async Task A_deploy_time_value_from_the_environment_reaches_the_object_and_never_the_output()
    {
        const string value = "sk_live_KnownDeployTimeValue/4Leak+Check";
        var site = Site(("index.html", "<h1>v1</h1>"), ("config.js", "window.key = \"${API_KEY}\";"), ("s3deploy.json", """{ "substitute": ["config.js"], "exclude": ["s3deploy.json"] }"""));
        var proxy = Proxy();
        var environment = new Dictionary<string, string?> { ["S3DEPLOY_VAR_API_KEY"] = value };
        string[] target = [site.Path, $"s3://{Bucket.Name}/web", "--endpoint-url", proxy.Endpoint, "--config", Path.Combine(site.Path, "s3deploy.json")];
        var outputs = new List<string>();

        async Task<int> RunAsync(params string[] args)
        {
            var (code, stdout, stderr) = await CliProcess.RunAsync(args, environment);
            outputs.Add(stdout + stderr);
            return code;
        }

        Assert.Equal(0, await RunAsync(["deploy", .. target, "--json", "--diagnostics"]));
        Assert.Equal(0, await RunAsync(["plan", .. target, "--diagnostics"]));
        site.Write("index.html", "<h1>v2</h1>");
        environment["S3DEPLOY_VAR_API_KEY"] = value + "2";
        proxy.Rule = r => r.IsUpload ? Fault.InternalError : null;
        Assert.Equal(1, await RunAsync(["deploy", .. target, "--diagnostics"]));

        Assert.Equal($"window.key = \"{value}\";", System.Text.Encoding.UTF8.GetString(await Bucket.GetAsync("web/config.js")));
        Assert.All(outputs, output => Assert.DoesNotContain(value, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_output_of_any_deploy_mode_contains_the_secret_key_or_session_token()
    {
        using var cloudFront = new FakeCloudFront("S3RVER", Secret) { SessionToken = Token };
        cloudFront.AddDistribution(Distribution, Bucket.Name);
        var site = Site(("index.html", "<h1>v1</h1>"), ("app.js", "1"));
        var proxy = Proxy();
        var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "S3RVER", ["AWS_SECRET_ACCESS_KEY"] = Secret, ["AWS_SESSION_TOKEN"] = Token };
        string[] target = [site.Path, $"s3://{Bucket.Name}/web", "--endpoint-url", proxy.Endpoint];
        string[] cloudFrontArgs = ["--cloudfront", Distribution, "--cloudfront-endpoint-url", cloudFront.Endpoint.ToString(), "--no-wait"];
        var outputs = new List<string>();

        async Task<int> RunAsync(params string[] args)
        {
            var (code, stdout, stderr) = await CliProcess.RunAsync(args, environment);
            outputs.Add(stdout + stderr);
            return code;
        }

        Assert.Equal(0, await RunAsync(["deploy", .. target, .. cloudFrontArgs]));
        site.Write("index.html", "<h1>v2</h1>");
        Assert.Equal(0, await RunAsync(["deploy", .. target, .. cloudFrontArgs, "--json", "--diagnostics"]));
        Assert.Equal(0, await RunAsync(["plan", .. target, "--diagnostics"]));
        site.Write("index.html", "<h1>v3</h1>");
        proxy.Rule = r => r.IsUpload ? Fault.InternalError : null;
        Assert.Equal(1, await RunAsync(["deploy", .. target, "--diagnostics"]));
        Assert.Equal(1, await RunAsync(["deploy", .. target, "--json", "--diagnostics"]));
        proxy.Rule = _ => Fault.Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        Assert.Equal(1, await RunAsync(["deploy", .. target, "--diagnostics"]));

        Assert.Contains(outputs, o => o.Contains("   at ", StringComparison.Ordinal));
        Assert.Single(cloudFront.Invalidations(Distribution));
        foreach (var output in outputs)
        {
            foreach (var secret in new[] { Secret, Token })
            {
                // Whole, and any 12-character piece of it (a truncated or wrapped leak).
                Assert.DoesNotContain(secret, output);
                for (var i = 0; i + 12 <= secret.Length; i += 4)
                {
                    Assert.DoesNotContain(secret.Substring(i, 12), output);
                }
            }
        }
    }

    [Fact]
    public async Task Prefix_deploy_never_touches_a_key_outside_its_prefix()
    {
        var outside = new[] { "site2/index.html", "sitemap.xml", "site.html", "other/site/app.js", ".s3deploy/manifest.json" };
        foreach (var key in outside)
        {
            await Bucket.PutAsync(key, "not mine");
        }

        await Bucket.PutAsync("site/stale.html", "stale");
        var site = Site(("index.html", "<h1>home</h1>"), ("docs/a.html", "a"));
        var proxy = Proxy();

        await DeployAsync(Through(proxy, site, "site"));

        var listed = await Bucket.ListAsync();
        Assert.All(outside, key => Assert.Contains(key, listed.Keys));
        Assert.DoesNotContain("site/stale.html", listed.Keys);
        Assert.All(listed.Keys.Where(k => !outside.Contains(k)), key => Assert.StartsWith("site/", key));
        Assert.All(proxy.Log.Select(l => l.Request).Where(r => r.Key.Length > 0), r => Assert.StartsWith("site/", r.Key));
        Assert.All(proxy.Log.Select(l => l.Request).Where(r => r.Operation == S3Operation.List), r => Assert.Contains("prefix=site%2F", r.Query));
        Assert.DoesNotContain(proxy.Log, l => l.Request.Headers.ContainsKey("x-amz-acl") || l.Request.Headers.ContainsKey("x-amz-grant-read"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("www")]
    [InlineData("a/b")]
    public void Public_policy_lets_anonymous_read_the_site_but_never_the_manifest(string prefix)
    {
        var policy = JsonNode.Parse(PublicReadPolicy.Merge(null, "my-site", prefix)!)!;
        var keyPrefix = prefix.Length == 0 ? "" : prefix + "/";

        Assert.True(AnonymousMayRead(policy, $"my-site/{keyPrefix}index.html"));
        Assert.True(AnonymousMayRead(policy, $"my-site/{keyPrefix}assets/app.js"));
        Assert.False(AnonymousMayRead(policy, $"my-site/{keyPrefix}.s3deploy/manifest.json"));
        Assert.DoesNotContain(policy["Statement"]!.AsArray(), s => s!["Action"]!.ToString() != "s3:GetObject");
    }

    /// <summary>IAM evaluation for an anonymous GetObject: an explicit Deny wins, else an Allow grants, else denied.</summary>
    private static bool AnonymousMayRead(JsonNode policy, string resource)
    {
        var matching = policy["Statement"]!.AsArray()
            .Where(s => s!["Principal"]!.ToString() == "*" && s["Action"]!.ToString() == "s3:GetObject" && Matches(s["Resource"]!.ToString(), "arn:aws:s3:::" + resource))
            .Where(s => s!["Condition"] is null || s["Condition"]!["StringEquals"]?["aws:PrincipalType"]?.ToString() == "Anonymous")
            .ToList();
        return !matching.Any(s => s!["Effect"]!.ToString() == "Deny") && matching.Any(s => s!["Effect"]!.ToString() == "Allow");
    }

    private static bool Matches(string pattern, string value) =>
        pattern.EndsWith('*') ? value.StartsWith(pattern[..^1], StringComparison.Ordinal) : value == pattern;
}
