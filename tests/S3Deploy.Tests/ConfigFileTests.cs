using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public sealed class ConfigFileTests : IDisposable
{
    private const string FullConfig = """
        {
          // every field there is
          "$schema": "../src/S3Deploy.Core/Config/s3deploy.schema.json",
          "source": "site",
          "target": "s3://bucket-a/prefix",
          "region": "eu-west-1",
          "profile": "deployer",
          "endpointUrl": "http://localhost:4568",
          "delete": false,
          "maxDeletes": 12,
          "allowEmpty": true,
          "exclude": ["*.map", "uploads/"],
          "concurrency": 4,
          "followSymlinks": true,
          "cacheControl": "public, max-age=60",
          "precompressed": "br",
          "sse": "aws:kms",
          "sseKmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/abc",
          "storageClass": "STANDARD_IA",
          "rules": [
            {
              "match": "*.css",
              "cacheControl": "public, max-age=600",
              "contentType": "text/x-css",
              "contentEncoding": "identity",
              "contentDisposition": "inline",
              "metadata": { "team": "web", "build": "42" },
              "compress": "gzip",
              "entry": true,
              "sse": "aws:kms",
              "sseKmsKeyId": "other-key",
              "storageClass": "GLACIER_IR",
            },
            { "match": "downloads/**", "compress": "none" },
          ],
          "redirects": { "/old/page.html": "/new/", "/blog": "https://blog.example.com/" },
        }
        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string json, string name = "s3deploy.json") => temp.Write(name, json);

    private DeployException LoadFails(string json) => ConfigErrors.LoadFails(temp, json);

    private static void AssertError(DeployException e, string code, int line, string field) => ConfigErrors.AssertError(e, code, line, field);

    [Fact]
    public void Full_config_loads_every_field()
    {
        var config = ConfigFile.Load(Write(FullConfig));

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
        var config = ConfigFile.Load(Write(FullConfig));

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

        var e = Assert.Throws<DeployException>(() => ConfigFile.Load(path));

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
    public void Command_line_values_win_and_unset_ones_keep_the_files()
    {
        var file = ConfigFile.Load(Write(FullConfig));
        var cli = new DeployConfig
        {
            Target = "s3://bucket-b",
            Concurrency = 8,
            Delete = true,
            Exclude = ["*.tmp"],
            Sse = "AES256",
            SseKmsKeyId = null,
        };

        var merged = file.OverriddenBy(cli);

        Assert.Equal("s3://bucket-b", merged.Target);
        Assert.Equal(8, merged.Concurrency);
        Assert.True(merged.Delete);
        Assert.Equal(["*.tmp"], merged.Exclude!);
        Assert.Equal("AES256", merged.Sse);

        Assert.Equal("site", merged.Source);
        Assert.Equal(temp.Path, merged.BaseDirectory);
        Assert.Equal("eu-west-1", merged.Region);
        Assert.Equal("deployer", merged.Profile);
        Assert.Equal("http://localhost:4568", merged.EndpointUrl);
        Assert.Equal(12, merged.MaxDeletes);
        Assert.True(merged.AllowEmpty);
        Assert.True(merged.FollowSymlinks);
        Assert.Equal("public, max-age=60", merged.CacheControl);
        Assert.Equal("br", merged.Precompressed);
        Assert.Equal("arn:aws:kms:eu-west-1:111122223333:key/abc", merged.SseKmsKeyId);
        Assert.Equal("STANDARD_IA", merged.StorageClass);
        Assert.Same(file.Rules, merged.Rules);
        Assert.Same(file.Redirects, merged.Redirects);
    }

    [Fact]
    public void A_command_line_source_is_relative_to_the_working_directory()
    {
        var file = ConfigFile.Load(Write("""{ "source": "site", "target": "s3://bucket-a" }"""));
        var cli = new DeployConfig { Source = "cli-site" };

        var merged = file.OverriddenBy(cli);

        Assert.Equal("cli-site", merged.Source);
        Assert.Equal(Environment.CurrentDirectory, merged.BaseDirectory);
        Assert.Equal("cli-site", merged.ToOptions(false).Source);
    }

    [Fact]
    public void Every_field_of_the_command_line_overrides_the_file()
    {
        var file = ConfigFile.Load(Write(FullConfig));
        var cli = new DeployConfig
        {
            Source = "s",
            Target = "s3://bucket-c",
            Region = "us-east-1",
            Profile = "p",
            EndpointUrl = "https://s3.example.com",
            Delete = true,
            MaxDeletes = 1,
            AllowEmpty = false,
            Exclude = [],
            Concurrency = 2,
            FollowSymlinks = false,
            CacheControl = "no-store",
            Precompressed = "gzip",
            Sse = "AES256",
            SseKmsKeyId = "k",
            StorageClass = "GLACIER",
            Rules = [],
            Redirects = [],
        };

        var merged = file.OverriddenBy(cli);

        Assert.Equal(
            ("s", "s3://bucket-c", "us-east-1", "p", "https://s3.example.com", true, 1, false),
            (merged.Source, merged.Target, merged.Region, merged.Profile, merged.EndpointUrl, merged.Delete, merged.MaxDeletes, merged.AllowEmpty));
        Assert.Equal(
            (2, false, "no-store", "gzip", "AES256", "k", "GLACIER"),
            (merged.Concurrency, merged.FollowSymlinks, merged.CacheControl, merged.Precompressed, merged.Sse, merged.SseKmsKeyId, merged.StorageClass));
        Assert.Empty(merged.Exclude!);
        Assert.Empty(merged.Rules!);
        Assert.Empty(merged.Redirects!);
    }

    [Fact]
    public void Bad_json_names_the_line_and_column()
    {
        var e = LoadFails("""
            {
              "source": "site",
              "target": "s3://bucket-a"
              "delete": false
            }
            """);

        AssertError(e, DiagnosticCode.ConfigSyntax, 4, "not valid JSON");
        Assert.Equal("S3D041", e.Code);
    }

    [Fact]
    public void A_null_document_is_a_syntax_error()
    {
        var e = LoadFails("null");

        AssertError(e, DiagnosticCode.ConfigSyntax, 1, "JSON object");
    }

    [Fact]
    public void Unknown_top_level_field_is_named()
    {
        var e = LoadFails("""
            {
              "source": "site",
              "colour": "blue"
            }
            """);

        AssertError(e, DiagnosticCode.ConfigUnknownField, 3, "'colour'");
        Assert.Equal("S3D042", e.Code);
    }

    [Fact]
    public void Unknown_field_inside_a_rule_is_named_with_its_path()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css" },
                {
                  "match": "*.js",
                  "colour": "red"
                }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigUnknownField, 6, "rules[1].colour");
    }

    [Theory]
    [InlineData("concurrency", "\"many\"", "expected a whole number")]
    [InlineData("maxDeletes", "1.5", "expected a whole number")]
    [InlineData("delete", "\"yes\"", "expected true or false")]
    [InlineData("rules", "{}", "expected an array")]
    [InlineData("exclude", "\"*.map\"", "expected an array")]
    [InlineData("source", "42", "expected a string")]
    [InlineData("redirects", "[]", "expected an object")]
    public void Wrong_type_names_the_field_and_the_expected_type(string field, string value, string expected)
    {
        var e = LoadFails($$"""
            {
              "target": "s3://bucket-a",
              "{{field}}": {{value}}
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, $"{field}: {expected}");
        Assert.Equal("S3D043", e.Code);
    }

    [Fact]
    public void Wrong_type_inside_a_rule_names_the_nested_field()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css" },
                { "match": "*.xml",
                  "entry": "yes" }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 5, "rules[1].entry: expected true or false");
    }

    [Fact]
    public void Bad_glob_in_a_rule_names_the_line_of_its_match()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css" },
                {
                  "cacheControl": "no-store",
                  "match": "assets/**b"
                }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.BadGlob, 6, "rules[1].match");
        Assert.Equal("S3D007", e.Code);
        Assert.Contains("assets/**b", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_glob_in_exclude_names_its_index()
    {
        var e = LoadFails("""
            {
              "source": "site",
              "exclude": [
                "a/**b",
                "*.map"
              ]
            }
            """);

        AssertError(e, DiagnosticCode.BadGlob, 4, "exclude[0]");
    }

    [Fact]
    public void Rule_without_match_names_the_rule()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css" },
                { "cacheControl": "no-store" }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "rules[1]: every rule needs \"match\"");
    }

    [Fact]
    public void Bad_compress_value_names_the_field()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css",
                  "compress": "zip" }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "rules[0].compress: \"zip\" is not one of");
    }

    [Fact]
    public void Bad_precompressed_value_names_the_field()
    {
        var e = LoadFails("""
            {
              "source": "site",
              "precompressed": "brotli"
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "precompressed: \"brotli\" is not one of \"br\", \"gzip\", \"none\"");
    }

    [Fact]
    public void Bad_sse_names_the_field()
    {
        var e = LoadFails("""
            {
              "source": "site",

              "sse": "aes256"
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "sse: \"aes256\" is not one of");
    }

    [Fact]
    public void Bad_sse_in_a_rule_names_the_field()
    {
        var e = LoadFails("""
            {
              "rules": [ { "match": "*.css" },
                         { "match": "*.js", "sse": "kms" } ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "rules[1].sse");
    }

    [Fact]
    public void Bad_storage_class_names_the_field()
    {
        var e = LoadFails("""
            {
              "storageClass": "standard"
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 2, "storageClass: \"standard\" is not one of");
    }

    [Fact]
    public void Bad_storage_class_in_a_rule_names_the_field()
    {
        var e = LoadFails("""
            {
              "rules": [
                { "match": "*.css", "storageClass": "COLD" }
              ]
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, "rules[0].storageClass");
    }

    [Fact]
    public void Redirect_path_without_a_leading_slash_names_the_redirect()
    {
        var e = LoadFails("""
            {
              "redirects": {
                "/fine": "/new/",
                "old/page.html": "/new/"
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "redirects['old/page.html']");
        Assert.Contains("must start with '/'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirect_location_with_another_scheme_names_the_redirect()
    {
        var e = LoadFails("""
            {
              "redirects": {
                "/fine": "https://example.com/",
                "/old/page.html": "ftp://x"
              }
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 4, "redirects['/old/page.html']");
        Assert.Contains("'ftp://x'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("concurrency", "0", "must be between 1 and 256")]
    [InlineData("concurrency", "257", "must be between 1 and 256")]
    [InlineData("maxDeletes", "-1", "must be 0 or more")]
    public void Out_of_range_numbers_name_the_field(string field, string value, string message)
    {
        var e = LoadFails($$"""
            {
              "source": "site",
              "{{field}}": {{value}}
            }
            """);

        AssertError(e, DiagnosticCode.ConfigBadValue, 3, $"{field}: {message}");
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
    public void Bad_value_from_the_command_line_names_the_option()
    {
        var e = Assert.Throws<DeployException>(() => new DeployConfig { Concurrency = 0, Source = "x", Target = "s3://bucket-a" }.ToOptions(false));

        Assert.Equal("S3D006", e.Code);
        Assert.Contains("--concurrency", e.Message, StringComparison.Ordinal);
        Assert.Contains("must be between 1 and 256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_multi_word_option_is_named_in_kebab_case()
    {
        var e = Assert.Throws<DeployException>(() => new DeployConfig { MaxDeletes = -1, Source = "x", Target = "s3://bucket-a" }.ToOptions(false));

        Assert.Equal("S3D006", e.Code);
        Assert.Contains("--max-deletes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_glob_from_the_command_line_keeps_the_glob_code()
    {
        var e = Assert.Throws<DeployException>(() => new DeployConfig { Exclude = ["a/**b"], Source = "x", Target = "s3://bucket-a" }.ToOptions(false));

        Assert.Equal(DiagnosticCode.BadGlob, e.Code);
    }
}
