using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

/// <summary>Credentials the way a user's machine gets them: a profile that assumes a role, through the SDK's default chain.</summary>
public sealed class AssumedRoleTests(Servers servers) : ServerTest(servers)
{
    private const string BaseSecret = "base/Secret+KEY/never-printed0123456789";

    [Theory, OnS3rver(Skip = "s3rver has no STS and accepts only its own key pair"), OnMoto]
    public async Task A_profile_that_assumes_a_role_through_sts_deploys(Emulator emulator)
    {
        await UseAsync(emulator);
        var aws = Own(new TempSite());
        aws.Write("config", $"[profile deployer]\nrole_arn = arn:aws:iam::123456789012:role/s3deploy\nsource_profile = base\nrole_session_name = s3deploy-test\nregion = us-east-1\n");
        aws.Write("credentials", $"[base]\naws_access_key_id = AKIABASEPROFILE00001\naws_secret_access_key = {BaseSecret}\n");
        var site = Site(("index.html", "<h1>home</h1>"));

        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_REGION"] = null,
            ["AWS_CONFIG_FILE"] = aws.FullPath("config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = aws.FullPath("credentials"),
            ["AWS_PROFILE"] = "deployer",
            ["AWS_ENDPOINT_URL_STS"] = Server.Endpoint,
        };
        string[] deploy = ["deploy", site.Path, $"s3://{Bucket.Name}", "--endpoint-url", Server.Endpoint];

        // The same run with STS unreachable must fail: proof that the credentials come from AssumeRole, not from elsewhere.
        var (blockedCode, _) = await CliChild.RunAsync(deploy, new(environment) { ["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:9" });
        var (code, output) = await CliChild.RunAsync(deploy, environment);

        Assert.NotEqual(0, blockedCode);
        Assert.True(code == 0, output);
        Assert.Contains("index.html", (await Bucket.ListAsync()).Keys);
        Assert.DoesNotContain(BaseSecret, output, StringComparison.Ordinal);
    }
}
