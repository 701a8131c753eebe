using S3Deploy.Cli;
using S3Deploy.Core.Config;
using S3Deploy.Core.Headers;
using static S3Deploy.Tests.CliRun;

namespace S3Deploy.Tests.Edge;

/// <summary>--cloudfront-hosting, precompressed "negotiate" and "headers" through the one validator, from each source.</summary>
public sealed class HostingConfigTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(new[] { "--cloudfront-hosting" }, "S3D062: --cloudfront-hosting: needs a distribution")]
    [InlineData(new[] { "--precompressed", "negotiate" }, "S3D062: --precompressed: \"negotiate\" needs CloudFront hosting")]
    public async Task Hosting_settings_without_what_they_need_are_usage_errors_before_any_request(string[] flags, string expected)
    {
        var (exit, _, err) = await Run(["deploy", temp.Path, "s3://some-bucket", "--endpoint-url", DeadEndpoint, .. flags]);

        Assert.Equal(2, exit);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_flag_and_the_file_turn_hosting_on_with_negotiation_and_headers()
    {
        var path = temp.Write("s3deploy.json", """
            {
              "source": "site", "target": "s3://bucket", "precompressed": "negotiate",
              "cloudfront": { "distributions": ["E1"] },
              "headers": { "Strict-Transport-Security": "max-age=63072000; includeSubDomains", "Permissions-Policy": "camera=()" }
            }
            """);

        var options = ConfigFile.Load(path).OverriddenBy(new DeployConfig { Cloudfront = new CloudFrontConfig { Hosting = true } }).ToOptions(dryRun: true);

        Assert.True(options.CloudFront.Hosting);
        Assert.True(options.NegotiateEncodings);
        Assert.Equal(Compression.None, options.Precompressed);
        Assert.Equal(["E1"], options.CloudFront.Distributions);
        Assert.Equal("camera=()", options.ResponseHeaders["Permissions-Policy"]);
    }

    [Theory]
    [InlineData("Referrer-Policy", "sometimes", "S3D063")]
    [InlineData("X-Frame-Options", "ALLOW-FROM https://a.example", "S3D063")]
    [InlineData("Strict-Transport-Security", "max-age=forever", "S3D063")]
    [InlineData("X Bad", "1", "S3D044")]
    public void A_header_CloudFront_cannot_send_is_refused_naming_the_headers_section(string name, string value, string code)
    {
        var config = new DeployConfig
        {
            Source = "site",
            Target = "s3://bucket",
            Cloudfront = new CloudFrontConfig { Distributions = ["E1"], Hosting = true },
            Headers = new() { [name] = value },
        };

        var error = Assert.ThrowsAny<Exception>(() => config.ToOptions(dryRun: true));

        Assert.Contains(code, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("headers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_input_turns_hosting_on()
    {
        var environment = new Dictionary<string, string?>
        {
            ["INPUT_SOURCE"] = "site",
            ["INPUT_BUCKET"] = "bucket",
            ["INPUT_CLOUDFRONT-DISTRIBUTION-ID"] = "E1",
            ["INPUT_CLOUDFRONT-HOSTING"] = "true",
        };

        var options = new ActionInputs(environment.GetValueOrDefault).ToOptions(temp.Path);

        Assert.True(options.CloudFront.Hosting);
    }
}
