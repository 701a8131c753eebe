using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using S3Deploy.Cli;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Website;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

/// <summary>--public against a server that has S3's policy and public access block APIs.</summary>
public sealed class PublicAccessTests(Servers servers) : ServerTest(servers)
{
    private const string S3rverHasNoPolicyApi = "s3rver has no bucket policy or public access block API";

    [Theory, OnS3rver(Skip = S3rverHasNoPolicyApi), OnMoto]
    public async Task Public_on_a_bucket_without_a_policy_adds_the_statements_and_a_second_run_changes_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"));
        var first = new InfoLines();

        await DeployAsync(Options(site) with { Public = true }, first);
        var written = await PolicyAsync();
        var second = await SecondPublicPassAsync();

        Assert.Equal(["S3DeployPublicRead", "S3DeployHideManifest"], Sids(written));
        Assert.Contains(first.Lines, l => l.StartsWith("Added a bucket policy statement", StringComparison.Ordinal));
        Assert.False(second.Changes);
        Assert.True(JsonNode.DeepEquals(written, await PolicyAsync()));
    }

    [Theory, OnS3rver(Skip = S3rverHasNoPolicyApi), OnMoto]
    public async Task Public_keeps_an_unrelated_statement_of_the_existing_policy(Emulator emulator)
    {
        await UseAsync(emulator);
        var other = $$"""{"Sid":"LogDelivery","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::{{Bucket.Name}}/logs/*"}""";
        using (var s3 = Server.Client())
        {
            await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = Bucket.Name, Policy = $$"""{"Version":"2012-10-17","Statement":[{{other}}]}""" });
        }

        await DeployAsync(Options(Site(("index.html", "home")), "www") with { Public = true });

        var policy = await PolicyAsync();
        Assert.Equal("LogDelivery", Sids(policy)[0]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(other), policy["Statement"]![0]));
        Assert.Equal(3, Sids(policy).Count);
    }

    [Theory, OnS3rver(Skip = S3rverHasNoPolicyApi), OnMoto]
    public async Task Public_turns_off_only_the_policy_settings_of_the_public_access_block(Emulator emulator)
    {
        await UseAsync(emulator);
        using var s3 = Server.Client();
        var all = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true };
        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest { BucketName = Bucket.Name, PublicAccessBlockConfiguration = all });
        var site = Site(("index.html", "home"));

        await DeployAsync(Options(site) with { Public = true });
        var second = await SecondPublicPassAsync();

        var block = (await s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = Bucket.Name })).PublicAccessBlockConfiguration;
        Assert.Equal((true, true, false, false), (block.BlockPublicAcls, block.IgnorePublicAcls, block.BlockPublicPolicy, block.RestrictPublicBuckets));
        Assert.Equal(2, Sids(await PolicyAsync()).Count);
        Assert.False(second.Changes);
    }

    [Theory, OnS3rver(Skip = S3rverHasNoPolicyApi), OnMoto]
    public async Task Plan_json_shows_the_access_changes_and_leaves_block_and_policy_as_they_are(Emulator emulator)
    {
        await UseAsync(emulator);
        using var s3 = Server.Client();
        var all = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true };
        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest { BucketName = Bucket.Name, PublicAccessBlockConfiguration = all });
        var site = Site(("index.html", "home"));

        var (code, stdout, stderr) = await RunAsync("plan", site.Path, $"s3://{Bucket.Name}", "--public", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var access = json.RootElement.GetProperty("access");
        var block = access.GetProperty("publicAccessBlock");
        Assert.Equal("update", block.GetProperty("change").GetString());
        Assert.True(block.GetProperty("before").GetProperty("restrictPublicBuckets").GetBoolean());
        Assert.Equal((true, false), (block.GetProperty("after").GetProperty("blockPublicAcls").GetBoolean(), block.GetProperty("after").GetProperty("blockPublicPolicy").GetBoolean()));
        Assert.Equal("add", access.GetProperty("policy").GetProperty("change").GetString());
        Assert.Equal(["S3DeployPublicRead", "S3DeployHideManifest"], access.GetProperty("policy").GetProperty("statementIds").EnumerateArray().Select(s => s.GetString()));
        var after = (await s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = Bucket.Name })).PublicAccessBlockConfiguration;
        Assert.Equal((true, true), (after.BlockPublicPolicy, after.RestrictPublicBuckets));
        Assert.Null(await new BucketSettingsReader(s3, new S3Target(Bucket.Name, "")).PolicyAsync(CancellationToken.None));
        Assert.Empty((await Bucket.ListAsync()).Keys);
    }

    [Theory, OnS3rver(Skip = S3rverHasNoPolicyApi), OnMoto]
    public async Task Cli_public_on_a_bucket_without_a_policy_succeeds(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "home"));

        var (code, _, stderr) = await RunAsync("deploy", site.Path, $"s3://{Bucket.Name}", "--public");

        Assert.True(code == 0, stderr);
        Assert.Equal(2, Sids(await PolicyAsync()).Count);
    }

    [Theory, OnS3rver(Skip = S3rverHasNoPolicyApi), OnMoto]
    public async Task A_policy_that_is_not_JSON_is_refused_with_S3D026_and_left_as_it_is(Emulator emulator)
    {
        await UseAsync(emulator);
        using var s3 = Server.Client();

        // S3 itself refuses such a policy (MalformedPolicy); moto stores it, which stands in for any body we cannot parse.
        // moto then fails every object request on the bucket, so the access planning (in a deploy it runs before any
        // upload) is called on its own.
        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = Bucket.Name, Policy = "not json" });

        var e = await Assert.ThrowsAsync<DeployException>(() => PlanAccessAsync(s3));

        Assert.Equal((DiagnosticCode.PolicyNotJson, FailureKind.Refused), (e.Code, e.Kind));
        Assert.Equal("not json", await RawPolicyAsync());
    }

    /// <summary>
    /// The public access plan of a second deploy, on its own: moto ignores policy conditions, so the manifest's Deny for
    /// anonymous readers denies the deployer too, and a whole second deploy cannot read its manifest there (S3 lets it).
    /// </summary>
    private async Task<AccessChange> SecondPublicPassAsync()
    {
        using var s3 = Server.Client();
        return await PlanAccessAsync(s3);
    }

    private Task<AccessChange> PlanAccessAsync(Amazon.S3.IAmazonS3 s3)
    {
        var target = new S3Target(Bucket.Name, "");
        return SiteHosting.PlanAccessAsync(new BucketSettingsReader(s3, target), target, "aws", CancellationToken.None);
    }

    private static List<string> Sids(JsonNode policy) => [.. policy["Statement"]!.AsArray().Select(s => s!["Sid"]!.GetValue<string>())];

    private async Task<JsonNode> PolicyAsync() => JsonNode.Parse(await RawPolicyAsync())!;

    /// <summary>Checks the status too: AWSSDK.S3 4.x answers a 404 here with the error document as the policy.</summary>
    private async Task<string> RawPolicyAsync()
    {
        using var s3 = Server.Client();
        var response = await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = Bucket.Name });
        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        return response.Policy;
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--endpoint-url", Server.Endpoint], stdout, stderr, interactive: false, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
