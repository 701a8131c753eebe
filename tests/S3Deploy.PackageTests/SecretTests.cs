using System.IO.Compression;
using System.Text;
using S3Deploy.PackageTests.Infrastructure;

namespace S3Deploy.PackageTests;

/// <summary>A publish at diagnostic verbosity never logs the secret key or session token, to the console or the binary log.</summary>
[Collection(PackageCollection.Name)]
public sealed class SecretTests(S3ServerFixture server, PackageFixture package)
{
    // s3rver checks only the access key id, so any secret signs acceptably; these are recognisable if they leak.
    private const string Secret = "kNoWn/S3cret+Value/4Leak-Check0123456789ab";
    private const string Token = "FwoGZXIvYXdzKNOWNSESSIONTOKEN//leak+check/VALUE0123456789abcdefXYZ";

    [Fact]
    public async Task Diagnostic_publishes_that_deploy_or_fail_log_no_secret_key_or_session_token()
    {
        // arrange
        var app = await package.CreateConsoleAppAsync();
        var bucket = await server.CreateBucketAsync();
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = Secret,
            ["AWS_SESSION_TOKEN"] = Token,
            // A user who asks MSBuild to log every variable gets them all; the package must not leak without it.
            ["MSBUILDLOGALLENVIRONMENTVARIABLES"] = null,
        };
        string[] publish = ["publish", "-c", "Release", "-v:diag", "-p:S3DeployDiagnostics=true", "-p:S3DeployPrefix=app", $"-p:S3DeployEndpointUrl={server.Endpoint}"];
        var deployLog = Path.Combine(app, "deploy.binlog");
        var failLog = Path.Combine(app, "fail.binlog");

        // act
        var deploy = await Dotnet.RunAsync(app, environment, [.. publish, "-p:S3DeployWebsite=true", $"-p:S3DeployBucket={bucket}", $"-bl:{deployLog};ProjectImports=None"]);
        var fail = await Dotnet.RunAsync(app, environment, [.. publish, "-p:S3DeployBucket=no-such-bucket-secret", $"-bl:{failLog};ProjectImports=None"]);

        // assert
        Assert.True(deploy.ExitCode == 0, deploy.Output);
        Assert.True(DeployReport.From(deploy).Uploaded > 0, deploy.Output);
        Assert.Contains("S3Deploy: Website: ", deploy.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, fail.ExitCode);
        Assert.Contains("error S3D010: Bucket 'no-such-bucket-secret' does not exist", fail.Output, StringComparison.Ordinal);
        var deployBinlog = Decompressed(deployLog);
        var failBinlog = Decompressed(failLog);
        Assert.Contains("S3DeployResult uploaded=", deployBinlog, StringComparison.Ordinal);
        Assert.Contains("no-such-bucket-secret", failBinlog, StringComparison.Ordinal);
        foreach (var text in new[] { deploy.Output, fail.Output, deployBinlog, failBinlog })
        {
            AssertHasNoSecret(text);
        }
    }

    /// <summary>
    /// A binary log is one gzip stream whose strings are UTF-8; the secrets are ASCII, so reading the bytes as Latin-1
    /// keeps every byte and finds them wherever they were written. (ProjectImports=None leaves out the embedded zip of
    /// project files, which is compressed again and holds only files from disk.)
    /// </summary>
    private static string Decompressed(string binlog)
    {
        using var gzip = new GZipStream(File.OpenRead(binlog), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return Encoding.Latin1.GetString(bytes.ToArray());
    }

    /// <summary>Neither value whole, nor any 12-character piece of it (a truncated or wrapped leak).</summary>
    private static void AssertHasNoSecret(string text)
    {
        foreach (var secret in new[] { Secret, Token })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            for (var i = 0; i + 12 <= secret.Length; i++)
            {
                Assert.DoesNotContain(secret.Substring(i, 12), text, StringComparison.Ordinal);
            }
        }
    }
}
