using System.Text.Json;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using static S3Deploy.Tests.CliRun;

namespace S3Deploy.Tests;

/// <summary>One validator for options from any source: a bad value is named the way its source gave it.</summary>
public sealed class OptionOriginTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string[] Errors(string stderr) => [.. stderr.Split('\n').Where(l => l.StartsWith("error ", StringComparison.Ordinal))];

    [Fact]
    public void Options_without_a_source_are_refused()
    {
        var e = Assert.Throws<DeployException>(() => new DeployConfig { Target = "s3://bucket-a" }.ToOptions(false));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Equal("S3D006", e.Code);
        Assert.Contains("source", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_without_a_target_are_refused()
    {
        var e = Assert.Throws<DeployException>(() => new DeployConfig { Source = "x" }.ToOptions(false));

        Assert.Equal("S3D006", e.Code);
        Assert.Contains("target", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_built_in_code_names_the_field_as_the_file_would_and_is_a_bad_option()
    {
        var e = Assert.Throws<DeployException>(() => new DeployConfig { Concurrency = 0, Source = "x", Target = "s3://bucket-a" }.ToOptions(false));

        Assert.Equal("S3D006", e.Code);
        Assert.Equal("concurrency: must be between 1 and 256.", e.Message);
        Assert.Null(e.Option);
    }

    [Theory]
    [InlineData("S3D006", "--concurrency: must be between 1 and 256.", "--concurrency", "0")]
    [InlineData("S3D006", "--max-deletes: must be 0 or more.", "--max-deletes", "-1")]
    [InlineData("S3D006", "--max-invalidation-paths: must be at least 1.", "--max-invalidation-paths", "0")]
    [InlineData("S3D006", "--index-document: must be a file name without '/', such as \"index.html\".", "--index-document", "a/b.html")]
    [InlineData("S3D006", "--error-document: must be a key relative to the prefix", "--error-document", "/404.html")]
    [InlineData("S3D006", "--keep-stale: \"-1h\" is not a duration", "--keep-stale", "-1h")]
    [InlineData("S3D006", "--timeout: \"0.5s\" is not a duration of at least 1s", "--timeout", "0.5s")]
    [InlineData("S3D006", "--wait-timeout: \"soon\" is not a duration", "--wait-timeout", "soon")]
    [InlineData("S3D006", "--cloudfront: \"E-1\" is not a distribution id", "--cloudfront", "E-1")]
    [InlineData("S3D006", "--sse: \"aes\" is not one of \"AES256\", \"aws:kms\".", "--sse", "aes")]
    [InlineData("S3D006", "--sse-kms-key-id: needs \"sse\": \"aws:kms\".", "--sse-kms-key-id", "alias/k")]
    [InlineData("S3D006", "--storage-class: \"COLD\" is not one of", "--storage-class", "COLD")]
    [InlineData("S3D006", "--precompressed: \"zstd\" is not one of", "--precompressed", "zstd")]
    [InlineData("S3D006", "--region: 'nowhere' is not an AWS region", "--region", "nowhere")]
    [InlineData("S3D006", "--endpoint-url: 'ftp://host' is not an absolute http:// or https:// URL.", "--endpoint-url", "ftp://host")]
    [InlineData("S3D007", "--exclude: ", "--exclude", "a/**b")]
    [InlineData("S3D044", "--cache-control: ", "--cache-control", "max-\u00e2ge=1")]
    public async Task A_bad_flag_value_names_the_flag_with_its_code_and_exit_code_2(string code, string message, string flag, string value)
    {
        var (exit, _, err) = await Run("plan", temp.Path, "s3://bucket-a", $"{flag}={value}");

        Assert.Equal(2, exit);
        Assert.StartsWith($"error {code}: {message}", Assert.Single(Errors(err)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_names_the_bad_flag_in_the_error_so_a_wrapper_can_say_its_own_name()
    {
        var (exit, stdout, _) = await Run("deploy", temp.Path, "s3://bucket-a", "--max-deletes", "-1", "--json");

        Assert.Equal(2, exit);
        using var doc = JsonDocument.Parse(stdout);
        var error = doc.RootElement.GetProperty("error");
        Assert.Equal("S3D006", error.GetProperty("code").GetString());
        Assert.Equal("--max-deletes", error.GetProperty("option").GetString());
        Assert.Equal("--max-deletes: must be 0 or more.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_bad_value_from_the_file_names_its_line_even_when_flags_set_other_fields()
    {
        var config = temp.Write("s3deploy.json", "{\n  \"source\": \"site\", \"target\": \"s3://bucket-a\",\n  \"maxDeletes\": -1\n}");

        var (exit, stdout, err) = await Run("plan", "--config", config, "--concurrency", "4", "--json");

        Assert.Equal(2, exit);
        Assert.Matches(@"^error S3D043: .*s3deploy\.json:3: maxDeletes: must be 0 or more\.$", Assert.Single(Errors(err)));
        using var doc = JsonDocument.Parse(stdout);
        Assert.False(doc.RootElement.GetProperty("error").TryGetProperty("option", out _));
    }

    [Fact]
    public async Task A_flag_that_overrides_a_file_value_is_named_as_the_flag()
    {
        var config = temp.Write("s3deploy.json", "{\n  \"source\": \"site\", \"target\": \"s3://bucket-a\",\n  \"cloudfront\": { \"maxPaths\": 5, \"waitTimeout\": \"2m\" }\n}");

        var (exit, _, err) = await Run("plan", "--config", config, "--max-invalidation-paths", "0");

        Assert.Equal(2, exit);
        Assert.Equal("error S3D006: --max-invalidation-paths: must be at least 1.", Assert.Single(Errors(err)));
    }

    [Fact]
    public void Each_layer_names_its_own_fields_and_the_file_keeps_the_rest()
    {
        var file = ConfigFile.Load(temp.Write("s3deploy.json", "{\n  \"source\": \"site\",\n  \"website\": { \"index\": \"a/b.html\" },\n  \"concurrency\": 0\n}"));
        var input = new GivenConfig(name => $"input '{name}'").Set("concurrency", 4, "concurrency").Set("website.error", "/404.html", "error-document").ToConfig(temp.Path);

        var merged = file.OverriddenBy(input);
        var index = Assert.Throws<DeployException>(merged.Validate);
        var error = Assert.Throws<DeployException>(() => merged.OverriddenBy(new DeployConfig { Website = new WebsiteConfig { Index = "index.html" } }).Validate());

        Assert.Equal(4, merged.Concurrency);
        ConfigErrors.AssertError(index, DiagnosticCode.ConfigBadValue, 3, "website.index: must be a file name");
        Assert.Equal(DiagnosticCode.BadOption, error.Code);
        Assert.StartsWith("input 'error-document': must be a key relative to the prefix", error.Message, StringComparison.Ordinal);
        Assert.Equal("error-document", error.Option);
    }
}
