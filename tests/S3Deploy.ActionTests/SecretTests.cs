using S3Deploy.ActionTests.Infrastructure;
using S3Deploy.Core;
using S3Deploy.Core.Remote;

namespace S3Deploy.ActionTests;

/// <summary>The entrypoint never writes the secret key or session token to its log, its outputs or its summary.</summary>
[Collection(ActionCollection.Name)]
public sealed class SecretTests(S3ServerFixture server) : IDisposable
{
    // s3rver checks only the access key id, so any secret signs acceptably; these are recognisable if they leak.
    private const string Secret = "kNoWn/S3cret+Value/4Leak-Check0123456789ab";
    private const string Token = "FwoGZXIvYXdzKNOWNSESSIONTOKEN//leak+check/VALUE0123456789abcdefXYZ";

    private const string RequestToken = "ghs_REQUEST-token/leak+check/VALUE0123456789abcdef";

    private readonly TempSite workspace = new();

    [Fact]
    public async Task No_run_that_succeeds_or_fails_writes_the_secret_key_or_session_token_anywhere()
    {
        var bucket = await server.CreateBucketAsync();
        using var cloudFront = new FakeCloudFront("S3RVER", Secret) { SessionToken = Token, PollsBeforeCompleted = -1 };
        cloudFront.AddDistribution("EDIST1", bucket, originPath: "/www");
        workspace.Write("dist/index.html", "<h1>v1</h1>");
        workspace.Write("dist/app.js", "v1");
        workspace.Write("dist/app.js.map", "{}");
        workspace.Write("dist/old.txt", "old");
        workspace.Write("s3deploy.json", $$"""{ "cloudfront": { "endpointUrl": "{{cloudFront.Endpoint}}" } }""");
        await new Deployer().DeployAsync(new DeployOptions { Source = workspace.FullPath("dist"), Target = new S3Target(bucket, "www"), Connection = server.Connection });
        workspace.Write("dist/app.js", "v2 changed");
        workspace.Write("dist/new.css", "a{}");
        workspace.Delete("dist/old.txt");
        var everything = new Dictionary<string, string?>
        {
            ["INPUT_SOURCE"] = "dist",
            ["INPUT_BUCKET"] = bucket,
            ["INPUT_PREFIX"] = "www",
            ["INPUT_EXCLUDE"] = "*.map",
            ["INPUT_WEBSITE"] = "true",
            ["INPUT_CONCURRENCY"] = "2",
            ["INPUT_MAX-DELETES"] = "10",
            ["INPUT_CLOUDFRONT-DISTRIBUTION-ID"] = "EDIST1",
            ["INPUT_WAIT-FOR-INVALIDATION"] = "true",
        };

        var plan = await RunAsync(new(everything) { ["INPUT_DRY-RUN"] = "true" });
        var deploy = await RunAsync(everything);
        var missing = await RunAsync(new(everything) { ["INPUT_BUCKET"] = "no-such-bucket-secret" });

        Assert.True(plan.Run.ExitCode == 0, plan.Run.ToString());
        Assert.True(deploy.Run.ExitCode == 0, deploy.Run.ToString());
        Assert.Contains($"Invalidation {Assert.Single(cloudFront.Invalidations("EDIST1")).Id} on EDIST1 completed", deploy.Run.Stdout, StringComparison.Ordinal);
        Assert.Contains("website-url=", deploy.Outputs, StringComparison.Ordinal);
        Assert.Contains("| new.css | upload | new |", deploy.Summary, StringComparison.Ordinal);
        Assert.Equal(1, missing.Run.ExitCode);
        Assert.StartsWith("::error title=S3D010::", missing.Run.Lines[^1], StringComparison.Ordinal);
        foreach (var (run, outputs, summary) in new[] { plan, deploy, missing })
        {
            foreach (var text in new[] { run.Stdout, run.Stderr, outputs, summary })
            {
                AssertHasNoSecret(text);
            }
        }
    }

    [Fact]
    public async Task A_role_to_assume_that_fails_writes_no_key_session_token_or_oidc_request_token()
    {
        var bucket = await server.CreateBucketAsync();
        workspace.Write("dist/index.html", "<h1>v1</h1>");
        var inputs = new Dictionary<string, string?>
        {
            ["INPUT_SOURCE"] = "dist",
            ["INPUT_BUCKET"] = bucket,
            ["INPUT_ROLE-TO-ASSUME"] = "arn:aws:iam::123456789012:role/site-deploy",
            ["INPUT_ROLE-EXTERNAL-ID"] = "x1",
            ["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:9",
        };

        var assumeRole = await RunAsync(inputs);
        var webIdentity = await RunAsync(new(inputs) { ["ACTIONS_ID_TOKEN_REQUEST_URL"] = "http://127.0.0.1:9/token", ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = RequestToken });

        Assert.NotEqual(0, assumeRole.Run.ExitCode);
        Assert.Equal(1, webIdentity.Run.ExitCode);
        Assert.StartsWith("::error title=S3D084::", webIdentity.Run.Lines[^1], StringComparison.Ordinal);
        foreach (var (run, outputs, summary) in new[] { assumeRole, webIdentity })
        {
            foreach (var text in new[] { run.Stdout, run.Stderr, outputs, summary })
            {
                AssertHasNoSecret(text);
            }
        }
    }

    public void Dispose() => workspace.Dispose();

    /// <summary>Neither value whole, nor any 12-character piece of it (a truncated or wrapped leak).</summary>
    private static void AssertHasNoSecret(string text)
    {
        foreach (var secret in new[] { Secret, Token, RequestToken })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            for (var i = 0; i + 12 <= secret.Length; i++)
            {
                Assert.DoesNotContain(secret.Substring(i, 12), text, StringComparison.Ordinal);
            }
        }
    }

    private async Task<(ProcessRun Run, string Outputs, string Summary)> RunAsync(Dictionary<string, string?> inputs)
    {
        var output = workspace.FullPath("output-" + Guid.NewGuid().ToString("N")[..6]);
        var summary = workspace.FullPath("summary-" + Guid.NewGuid().ToString("N")[..6]);
        File.WriteAllText(output, "");
        File.WriteAllText(summary, "");
        var environment = new Dictionary<string, string?>(inputs)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["TF_BUILD"] = null,
            ["GITHUB_WORKSPACE"] = workspace.Path,
            ["GITHUB_OUTPUT"] = output,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["RUNNER_DEBUG"] = "1",
            ["INPUT_ENDPOINT-URL"] = server.Endpoint,
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = Secret,
            ["AWS_SESSION_TOKEN"] = Token,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        var run = await ProcessRun.StartAsync("dotnet", [AzureModeTests.CliDll, "action"], workspace.Path, environment);
        return (run, File.ReadAllText(output), File.ReadAllText(summary));
    }
}
