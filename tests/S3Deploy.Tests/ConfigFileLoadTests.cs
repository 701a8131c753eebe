using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

/// <summary>Reading s3deploy.json: every field, defaults, comments, byte-order marks, where relative paths start, finding the file.</summary>
public sealed class ConfigFileLoadTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string json, string name = "s3deploy.json") => temp.Write(name, json);

    private static void AssertError(DeployException e, string code, int line, string field) => ConfigErrors.AssertError(e, code, line, field);

    [Fact]
    public void Full_config_loads_every_field()
    {
        var config = ConfigFile.Load(Write(ConfigSamples.EveryField));

        Assert.Equal("../src/S3Deploy.Core/Config/s3deploy.schema.json", config.Schema);
        Assert.Equal("site", config.Source);
        Assert.Equal("s3://bucket-a/prefix", config.Target);
        Assert.Equal("eu-west-1", config.Region);
        Assert.Equal("deployer", config.Profile);
        Assert.Equal("http://localhost:4568", config.EndpointUrl);
        Assert.False(config.Delete);
        Assert.Equal(12, config.MaxDeletes);
        Assert.True(config.AllowEmpty);
        Assert.Equal(["*.map", "uploads/"], config.Exclude!);
        Assert.Equal(4, config.Concurrency);
        Assert.True(config.FollowSymlinks);
        Assert.Equal("public, max-age=60", config.CacheControl);
        Assert.Equal("br", config.Precompressed);
        Assert.Equal("aws:kms", config.Sse);
        Assert.Equal("arn:aws:kms:eu-west-1:111122223333:key/abc", config.SseKmsKeyId);
        Assert.Equal("STANDARD_IA", config.StorageClass);
        Assert.Equal(temp.Path, config.BaseDirectory);

        Assert.Equal(2, config.Rules!.Count);
        var rule = config.Rules[0];
        Assert.Equal("*.css", rule.Match);
        Assert.Equal("public, max-age=600", rule.CacheControl);
        Assert.Equal("text/x-css", rule.ContentType);
        Assert.Equal("identity", rule.ContentEncoding);
        Assert.Equal("inline", rule.ContentDisposition);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "web", ["build"] = "42" }, rule.Metadata!);
        Assert.Equal("gzip", rule.Compress);
        Assert.True(rule.Entry);
        Assert.Equal("aws:kms", rule.Sse);
        Assert.Equal("other-key", rule.SseKmsKeyId);
        Assert.Equal("GLACIER_IR", rule.StorageClass);
        Assert.Equal(("downloads/**", "none"), (config.Rules[1].Match, config.Rules[1].Compress));

        Assert.Equal(new Dictionary<string, string> { ["/old/page.html"] = "/new/", ["/blog"] = "https://blog.example.com/" }, config.Redirects!);
    }

    [Fact]
    public void Full_config_maps_into_deploy_options()
    {
        var config = ConfigFile.Load(Write(ConfigSamples.EveryField));

        var options = config.ToOptions(dryRun: false);

        Assert.Equal(Path.GetFullPath(Path.Combine(temp.Path, "site")), Path.GetFullPath(options.Source));
        Assert.Equal(S3Target.Parse("s3://bucket-a/prefix"), options.Target);
        Assert.Equal(new ConnectionOptions("eu-west-1", "deployer", "http://localhost:4568"), options.Connection);
        Assert.False(options.Delete);
        Assert.Equal(12, options.MaxDeletes);
        Assert.True(options.AllowEmpty);
        Assert.Equal(["*.map", "uploads/"], options.Excludes);
        Assert.Equal(4, options.Concurrency);
        Assert.True(options.FollowSymlinks);
        Assert.False(options.HashCache);
        Assert.False(options.DryRun);
        Assert.Equal(Compression.Brotli, options.Precompressed);
        Assert.Equal(new Dictionary<string, string> { ["/old/page.html"] = "/new/", ["/blog"] = "https://blog.example.com/" }, options.Redirects);

        var headers = options.Headers;
        Assert.Equal("public, max-age=60", headers.CacheControl);
        Assert.Equal("aws:kms", headers.ServerSideEncryption);
        Assert.Equal("arn:aws:kms:eu-west-1:111122223333:key/abc", headers.SseKmsKeyId);
        Assert.Equal("STANDARD_IA", headers.StorageClass);
        Assert.Equal(2, headers.Rules.Count);
        var rule = headers.Rules[0];
        Assert.Equal("*.css", rule.Match.Pattern);
        Assert.True(rule.Match.IsMatch("css/site.css"));
        Assert.Equal("public, max-age=600", rule.CacheControl);
        Assert.Equal("text/x-css", rule.ContentType);
        Assert.Equal("identity", rule.ContentEncoding);
        Assert.Equal("inline", rule.ContentDisposition);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "web", ["build"] = "42" }, rule.Metadata!);
        Assert.Equal(Compression.Gzip, rule.Compress);
        Assert.True(rule.Entry);
        Assert.Equal("aws:kms", rule.ServerSideEncryption);
        Assert.Equal("other-key", rule.SseKmsKeyId);
        Assert.Equal("GLACIER_IR", rule.StorageClass);
        var second = headers.Rules[1];
        Assert.Equal(("downloads/**", Compression.None), (second.Match.Pattern, second.Compress));
        Assert.Null(second.Entry);
        Assert.Null(second.CacheControl);

        options.Validate();
    }

    [Fact]
    public void Dry_run_is_passed_through()
    {
        var config = ConfigFile.Load(Write("""{ "source": "site", "target": "s3://bucket-a" }"""));

        Assert.True(config.ToOptions(dryRun: true).DryRun);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(", \"lock\": false", false)]
    public void The_deploy_lock_is_on_unless_the_file_turns_it_off(string field, bool expected)
    {
        var config = ConfigFile.Load(Write($$"""{ "source": "site", "target": "s3://bucket-a"{{field}} }"""));

        Assert.Equal(expected, config.ToOptions(false).Lock);
    }

    [Fact]
    public void Minimal_config_gives_the_default_options()
    {
        var config = ConfigFile.Load(Write("""{ "source": "site", "target": "s3://bucket-a" }"""));

        var options = config.ToOptions(false);

        Assert.True(options.Delete);
        Assert.Equal(DeployOptions.DefaultMaxDeletes, options.MaxDeletes);
        Assert.Equal(DeployOptions.DefaultConcurrency, options.Concurrency);
        Assert.False(options.AllowEmpty);
        Assert.False(options.FollowSymlinks);
        Assert.True(options.HashCache);
        Assert.Empty(options.Excludes);
        Assert.Empty(options.Redirects);
        Assert.Empty(options.Headers.Rules);
        Assert.Equal(Compression.None, options.Precompressed);
        Assert.Null(options.Headers.CacheControl);
        Assert.Equal(new ConnectionOptions(), options.Connection);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var config = ConfigFile.Load(Write("""
            /* leading block comment */
            {
              // a line comment
              "source": "site", /* inline */
              "exclude": ["*.map",],
              "rules": [ { "match": "*.css", }, ],
            }
            """));

        Assert.Equal("site", config.Source);
        Assert.Equal(["*.map"], config.Exclude!);
        Assert.Equal("*.css", Assert.Single(config.Rules!).Match);
    }

    [Fact]
    public void A_file_saved_with_a_utf8_byte_order_mark_loads()
    {
        // Visual Studio and Windows PowerShell's Out-File write UTF-8 with a BOM.
        var path = temp.Write("s3deploy.json", [0xEF, 0xBB, 0xBF, .. "{ \"source\": \"site\" }"u8.ToArray()]);

        Assert.Equal("site", ConfigFile.Load(path).Source);
    }

    [Fact]
    public void Line_numbers_are_right_in_a_file_with_a_byte_order_mark()
    {
        var path = temp.Write("s3deploy.json", [0xEF, 0xBB, 0xBF, .. "{\n  \"source\": \"site\",\n  \"concurrency\": 0\n}"u8.ToArray()]);

        var e = Assert.Throws<DeployException>(() => ConfigFile.Load(path).Validate());

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "concurrency: must be between 1 and 256");
    }

    [Fact]
    public void Source_is_relative_to_the_config_files_folder()
    {
        var path = temp.Write("config/deploy/s3deploy.json", """{ "source": "../site", "target": "s3://bucket-a" }""");

        var config = ConfigFile.Load(path);
        var options = config.ToOptions(false);

        Assert.Equal(Path.GetDirectoryName(path), config.BaseDirectory);
        Assert.False(Path.IsPathRooted(options.Source));
        Assert.Equal(temp.Combine("config/site"), Path.GetFullPath(options.Source));
    }

    [Fact]
    public void An_absolute_source_is_kept()
    {
        var site = temp.Combine("elsewhere/site");
        var config = ConfigFile.Load(temp.Write("config/s3deploy.json", $$"""{ "source": "{{site.Replace("\\", "\\\\", StringComparison.Ordinal)}}", "target": "s3://bucket-a" }"""));

        Assert.Equal(site, config.ToOptions(false).Source);
    }

    [Fact]
    public void Missing_explicit_config_file_is_reported()
    {
        var e = Assert.Throws<DeployException>(() => ConfigFile.Find(temp.Combine("missing.json")));

        Assert.Equal(DiagnosticCode.ConfigNotFound, e.Code);
        Assert.Equal("S3D040", e.Code);
        Assert.Contains("missing.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_relative_config_file_is_reported()
    {
        var e = Assert.Throws<DeployException>(() => ConfigFile.Find("missing-" + Guid.NewGuid().ToString("N") + ".json"));

        Assert.Equal("S3D040", e.Code);
    }

    [Fact]
    public void Find_loads_an_explicit_file()
    {
        var config = ConfigFile.Find(Write("""{ "source": "site" }""", "custom.json"));

        Assert.Equal("site", config!.Source);
    }

}
