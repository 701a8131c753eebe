using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

/// <summary>
/// --role-arn on top of the default chain, and the Action's keyless path (GitHub's OIDC token → AssumeRoleWithWebIdentity),
/// both through moto's STS; no token or key reaches the output, even with --diagnostics / RUNNER_DEBUG.
/// </summary>
public sealed class RoleArnTests(Servers servers) : ServerTest(servers)
{
    private const string Role = "arn:aws:iam::123456789012:role/site-deploy";
    private const string BaseSecret = "base/Secret+KEY/never-printed0123456789";
    private const string IdToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm93bmVyL3NpdGUifQ.OIDC-token-never-printed-0123456789";
    private const string RequestToken = "ghs_REQUEST-token-never-printed-0123456789abcdef";

    [Theory, OnS3rver(Skip = "s3rver has no STS and accepts only its own key pair"), OnMoto]
    public async Task Role_arn_assumes_the_role_on_top_of_the_default_chain(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"));
        var environment = Environment(("AWS_ACCESS_KEY_ID", "AKIABASEKEY000000001"), ("AWS_SECRET_ACCESS_KEY", BaseSecret), ("AWS_ENDPOINT_URL_STS", Server.Endpoint));
        string[] deploy = ["deploy", site.Path, $"s3://{Bucket.Name}/site", "--endpoint-url", Server.Endpoint, "--role-arn", Role, "--role-session-name", "ci-42", "--external-id", "x1", "--diagnostics"];

        // STS unreachable must fail: proof that the credentials come from AssumeRole.
        var (blocked, blockedOutput) = await CliChild.RunAsync(deploy, new(environment) { ["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:9" });
        var (code, output) = await CliChild.RunAsync(deploy, environment);

        Assert.NotEqual(0, blocked);
        Assert.True(code == 0, output);
        Assert.Contains("site/index.html", (await Bucket.ListAsync()).Keys);
        AssertNoSecret(output + blockedOutput);
    }

    [Theory, OnS3rver(Skip = "s3rver has no STS"), OnMoto]
    public async Task The_action_exchanges_githubs_oidc_token_for_the_role_without_any_key(Emulator emulator)
    {
        await UseAsync(emulator);
        var workspace = Own(new TempSite());
        workspace.Write("dist/index.html", "<h1>pr</h1>");
        using var tokens = new TokenEndpoint(IdToken);
        var environment = ActionEnvironment(workspace, tokens.Url);

        var (code, output) = await CliChild.RunAsync(["action"], environment);

        Assert.True(code == 0, output);
        var request = Assert.Single(tokens.Requests);
        Assert.Equal($"bearer {RequestToken}", request.Authorization);
        Assert.Contains("audience=sts.amazonaws.com", request.Query, StringComparison.Ordinal);
        Assert.Contains("www/index.html", (await Bucket.ListAsync()).Keys);
        AssertNoSecret(output + File.ReadAllText(workspace.FullPath("output")) + File.ReadAllText(workspace.FullPath("summary")));
    }

    [Theory, OnS3rver(Skip = "s3rver has no STS"), OnMoto]
    public async Task A_refused_token_request_fails_with_its_code_and_no_token_in_the_log(Emulator emulator)
    {
        await UseAsync(emulator);
        var workspace = Own(new TempSite());
        workspace.Write("dist/index.html", "<h1>pr</h1>");
        using var tokens = new TokenEndpoint(IdToken, status: 403);

        var (code, output) = await CliChild.RunAsync(["action"], ActionEnvironment(workspace, tokens.Url));

        Assert.Equal(1, code);
        Assert.Contains("::error title=S3D084::", output, StringComparison.Ordinal);
        Assert.Empty(await Bucket.ListAsync());
        AssertNoSecret(output);
    }

    private Dictionary<string, string?> ActionEnvironment(TempSite workspace, string tokenUrl)
    {
        File.WriteAllText(workspace.FullPath("output"), "");
        File.WriteAllText(workspace.FullPath("summary"), "");
        return Environment(
            ("GITHUB_ACTIONS", "true"), ("RUNNER_DEBUG", "1"), ("GITHUB_WORKSPACE", workspace.Path),
            ("GITHUB_OUTPUT", workspace.FullPath("output")), ("GITHUB_STEP_SUMMARY", workspace.FullPath("summary")),
            ("INPUT_SOURCE", "dist"), ("INPUT_BUCKET", Bucket.Name), ("INPUT_PREFIX", "www"), ("INPUT_ENDPOINT-URL", Server.Endpoint),
            ("INPUT_ROLE-TO-ASSUME", Role), ("ACTIONS_ID_TOKEN_REQUEST_URL", tokenUrl), ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", RequestToken),
            ("AWS_ENDPOINT_URL_STS", Server.Endpoint));
    }

    /// <summary>No key in the environment: whatever credentials the run has, it got from STS.</summary>
    private static Dictionary<string, string?> Environment(params (string Name, string? Value)[] values)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null, ["AWS_SESSION_TOKEN"] = null, ["AWS_PROFILE"] = null,
            ["AWS_REGION"] = "us-east-1", ["AWS_EC2_METADATA_DISABLED"] = "true", ["AWS_CONFIG_FILE"] = "/nonexistent", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent",
            ["TF_BUILD"] = null, ["GITHUB_ACTIONS"] = null,
        };
        foreach (var (name, value) in values)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in new[] { BaseSecret, IdToken, RequestToken })
        {
            for (var i = 0; i + 12 <= secret.Length; i++)
            {
                Assert.DoesNotContain(secret.Substring(i, 12), text, StringComparison.Ordinal);
            }
        }
    }
}
