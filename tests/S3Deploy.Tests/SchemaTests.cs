using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

/// <summary>s3deploy.schema.json must describe exactly what <see cref="ConfigFile"/> reads and accepts.</summary>
public sealed class SchemaTests : IDisposable
{
    private static readonly Lazy<string> RepoRoot = new(FindRepoRoot);

    private static readonly Lazy<JsonObject> Schema = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Value, "src", "S3Deploy.Core", "Config", "s3deploy.schema.json")))!.AsObject());

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "S3Deploy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No S3Deploy.sln above {AppContext.BaseDirectory}.");
    }

    private static SortedSet<string> JsonNames(Type type) =>
        new(
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name)),
            StringComparer.Ordinal);

    private static SortedSet<string> Names(JsonNode? properties) =>
        new(properties!.AsObject().Select(p => p.Key), StringComparer.Ordinal);

    private static JsonObject RuleSchema => Schema.Value["$defs"]!["rule"]!.AsObject();

    private static string[] EnumOf(JsonNode? property)
    {
        if (property!["$ref"] is { } reference)
        {
            var path = reference.GetValue<string>();
            Assert.StartsWith("#/$defs/", path, StringComparison.Ordinal);
            property = Schema.Value["$defs"]![path["#/$defs/".Length..]];
        }

        return property!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
    }

    private DeployConfig LoadWith(string json)
    {
        var config = ConfigFile.Load(temp.Write("s3deploy.json", json));
        config.Validate();
        return config;
    }

    [Fact]
    public void Top_level_properties_are_the_fields_of_DeployConfig()
    {
        var names = JsonNames(typeof(DeployConfig));

        Assert.Contains("$schema", names);
        Assert.DoesNotContain("baseDirectory", names);
        Assert.Equal(names, Names(Schema.Value["properties"]));
    }

    [Fact]
    public void Rule_properties_are_the_fields_of_RuleConfig()
    {
        Assert.Equal(JsonNames(typeof(RuleConfig)), Names(RuleSchema["properties"]));
    }

    [Fact]
    public void Schema_forbids_unknown_fields_like_the_loader()
    {
        Assert.False(Schema.Value["additionalProperties"]!.GetValue<bool>());
        Assert.False(RuleSchema["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["match"], RuleSchema["required"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    public static TheoryData<string, string> TopLevelEnums() => new()
    {
        { "precompressed", "zstd" },
        { "sse", "aes256" },
        { "storageClass", "standard" },
    };

    [Theory]
    [MemberData(nameof(TopLevelEnums))]
    public void Top_level_enum_values_are_the_ones_the_loader_accepts(string field, string outside)
    {
        var values = EnumOf(Schema.Value["properties"]![field]);

        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            var config = LoadWith($$"""{ "{{field}}": "{{value}}" }""");
            Assert.Equal(value, typeof(DeployConfig).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!.GetValue(config));
        }

        Assert.DoesNotContain(outside, values);
        var e = Assert.Throws<DeployException>(() => LoadWith($$"""{ "{{field}}": "{{outside}}" }"""));
        Assert.Equal(DiagnosticCode.ConfigBadValue, e.Code);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> RuleEnums() => new()
    {
        { "compress", "deflate" },
        { "sse", "kms" },
        { "storageClass", "COLD" },
    };

    [Theory]
    [MemberData(nameof(RuleEnums))]
    public void Rule_enum_values_are_the_ones_the_loader_accepts(string field, string outside)
    {
        var values = EnumOf(RuleSchema["properties"]![field]);

        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            var config = LoadWith($$"""{ "rules": [ { "match": "*", "{{field}}": "{{value}}" } ] }""");
            var rule = Assert.Single(config.Rules!);
            Assert.Equal(value, typeof(RuleConfig).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!.GetValue(rule));
        }

        Assert.DoesNotContain(outside, values);
        var e = Assert.Throws<DeployException>(() => LoadWith($$"""{ "rules": [ { "match": "*", "{{field}}": "{{outside}}" } ] }"""));
        Assert.Equal(DiagnosticCode.ConfigBadValue, e.Code);
        Assert.Contains($"rules[0].{field}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_schema_enum_value_also_converts_to_options()
    {
        foreach (var precompressed in EnumOf(Schema.Value["properties"]!["precompressed"]))
        {
            foreach (var compress in EnumOf(RuleSchema["properties"]!["compress"]))
            {
                // "negotiate" keeps every sibling for CloudFront hosting, which it needs.
                var negotiate = precompressed == "negotiate";
                var hosting = negotiate ? """, "cloudfront": { "distributions": ["E1"], "hosting": true }""" : "";
                var config = LoadWith($$"""{ "source": "site", "target": "s3://bucket-a", "precompressed": "{{precompressed}}", "rules": [ { "match": "*", "compress": "{{compress}}" } ]{{hosting}} }""");

                var options = config.ToOptions(false);

                Assert.Equal(negotiate ? Compression.None : Encodings.Parse(precompressed, "precompressed"), options.Precompressed);
                Assert.Equal(negotiate, options.NegotiateEncodings);
                Assert.Equal(Encodings.Parse(compress, "compress"), Assert.Single(options.Headers.Rules).Compress ?? Compression.None);
            }
        }
    }

    [Fact]
    public void Numeric_bounds_match_the_validator()
    {
        var properties = Schema.Value["properties"]!;
        Assert.Equal(1, properties["concurrency"]!["minimum"]!.GetValue<int>());
        Assert.Equal(256, properties["concurrency"]!["maximum"]!.GetValue<int>());
        Assert.Equal(0, properties["maxDeletes"]!["minimum"]!.GetValue<int>());

        LoadWith("""{ "concurrency": 1, "maxDeletes": 0 }""");
        LoadWith("""{ "concurrency": 256 }""");
        Assert.Throws<DeployException>(() => LoadWith("""{ "concurrency": 257 }"""));
    }

    [Fact]
    public void The_sample_config_loads()
    {
        var sample = Path.Combine(RepoRoot.Value, "samples", "s3deploy.json");
        Assert.True(File.Exists(sample), $"{sample} is missing: the quickstart and the README use it.");

        var config = ConfigFile.Load(sample);
        var options = config.ToOptions(false);

        Assert.NotNull(config.Source);
        Assert.NotNull(config.Target);
        Assert.Equal(S3Target.Parse(config.Target), options.Target);
        Assert.True(Directory.Exists(options.Source), $"The sample's source '{options.Source}' is not a folder.");
    }

    [Fact]
    public void The_readme_example_loads()
    {
        var config = LoadWith("""
            {
              "$schema": "../src/S3Deploy.Core/Config/s3deploy.schema.json",
              "source": "site",
              "target": "s3://my-bucket/site",
              "precompressed": "br",
              "sse": "AES256",
              "rules": [
                { "match": "*.css", "compress": "br" },
                { "match": "downloads/**", "contentDisposition": "attachment", "metadata": { "team": "web" } },
                { "match": "feed.xml", "entry": true, "cacheControl": "public, max-age=600" }
              ],
              "redirects": { "/old/page.html": "/new/", "/blog": "https://blog.example.com/" }
            }
            """);

        Assert.Equal(3, config.ToOptions(false).Headers.Rules.Count);
    }
}
