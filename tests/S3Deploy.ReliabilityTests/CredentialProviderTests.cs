using S3Deploy.Core;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// A credential provider that fails is named with a coded message (S3D017), never quoted: what a credential_process
/// prints on stderr can be a token. Each case runs the real CLI with a throwaway AWS config.
/// </summary>
public sealed class CredentialProviderTests(S3ServerFixture server) : ReliabilityTest(server)
{
    private const string Secret = "aws_session_token=FwoGZXIvYXdzLEAKED//SECRET+TOKEN0123456789abcdef";

    [Fact]
    public async Task A_failing_credential_process_is_named_and_its_stderr_is_never_printed()
    {
        using var temp = new TempSite();
        var script = Script(temp.Path, 1);
        var environment = IsolatedAws.Environment(temp.Path, $"[profile leaky]\ncredential_process = {script}\n");

        foreach (var extra in new[] { Array.Empty<string>(), ["--diagnostics"], ["--json"] })
        {
            var (code, stdout, stderr) = await CliProcess.RunAsync(["deploy", Site(("index.html", "x")).Path, $"s3://{Bucket.Name}/site", "--endpoint-url", Server.Endpoint, "--profile", "leaky", .. extra], environment);

            var output = stdout + stderr;
            Assert.True(code == 1, $"exit {code}:\n{output}");
            Assert.Contains("error S3D017: The credential_process of profile 'leaky' failed (exit code 1)", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("LEAKED", output, StringComparison.Ordinal);
            Assert.DoesNotContain("S3D099", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_profile_chosen_by_aws_profile_is_named_too()
    {
        using var temp = new TempSite();
        var script = Script(temp.Path, 3);
        var environment = IsolatedAws.Environment(temp.Path, $"[profile ci]\ncredential_process = {script}\n");
        environment["AWS_PROFILE"] = "ci";

        var (code, stdout, stderr) = await CliProcess.RunAsync(["deploy", Site(("index.html", "x")).Path, $"s3://{Bucket.Name}/site", "--endpoint-url", Server.Endpoint], environment);

        Assert.True(code == 1, $"exit {code}:\n{stdout}{stderr}");
        Assert.Contains("error S3D017: The credential_process of profile 'ci' failed (exit code 3)", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("LEAKED", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sso_profile_without_a_token_and_a_missing_web_identity_file_are_coded_too()
    {
        using var temp = new TempSite();
        var sso = IsolatedAws.Environment(temp.Path, "[profile sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Deployer\nregion = us-east-1\n");
        var webIdentity = IsolatedAws.Environment(temp.Path, "");
        webIdentity["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/deployer";
        webIdentity["AWS_WEB_IDENTITY_TOKEN_FILE"] = Path.Combine(temp.Path, "no-such-token");
        var site = Site(("index.html", "x")).Path;
        string[] deploy = ["deploy", site, $"s3://{Bucket.Name}/site", "--endpoint-url", Server.Endpoint];

        var (ssoCode, _, ssoErr) = await CliProcess.RunAsync([.. deploy, "--profile", "sso"], sso);
        var (webCode, _, webErr) = await CliProcess.RunAsync(deploy, webIdentity);

        Assert.True(ssoCode == 1, ssoErr);
        Assert.Contains("error S3D017: The SSO sign-in of profile 'sso' failed", ssoErr, StringComparison.Ordinal);
        Assert.Contains("aws sso login --profile sso", ssoErr, StringComparison.Ordinal);
        Assert.True(webCode == 1, webErr);
        Assert.Contains("error S3D017: The web identity", webErr, StringComparison.Ordinal);
    }

    /// <summary>A credential_process that prints the secret on stderr (and half a credential on stdout), then fails.</summary>
    private static string Script(string temp, int exit)
    {
        if (OperatingSystem.IsWindows())
        {
            var cmd = Path.Combine(temp, "creds.cmd");
            File.WriteAllText(cmd, $"@echo {Secret} 1>&2\r\n@echo {{\"Version\": 1, \"SessionToken\": \"{Secret}\"\r\n@exit /b {exit}\r\n");
            return cmd;
        }

        var script = Path.Combine(temp, "creds.sh");
        File.WriteAllText(script, $"#!/bin/sh\necho '{Secret}' >&2\necho '{{\"Version\": 1, \"SessionToken\": \"{Secret}\"'\nexit {exit}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
