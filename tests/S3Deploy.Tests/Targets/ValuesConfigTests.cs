using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using static S3Deploy.Tests.CliRun;

namespace S3Deploy.Tests.Targets;

/// <summary>"substitute" and "values" in s3deploy.json: layered per name, checked, and the files made entry documents.</summary>
public sealed class ValuesConfigTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_targets_values_are_laid_over_the_top_levels_name_by_name()
    {
        var config = ConfigFile.Load(temp.Write("s3deploy.json", """
            { "source": "site", "target": "s3://bucket-a", "substitute": ["appsettings.json"], "values": { "A": "top", "B": "top" },
              "targets": { "staging": { "values": { "B": "staging" } } } }
            """));

        var options = config.WithTarget("staging").ToOptions(false);

        Assert.Equal(new Dictionary<string, string> { ["A"] = "top", ["B"] = "staging" }, options.Values);
        Assert.Equal(["appsettings.json"], options.Substitute);
    }

    [Fact]
    public void Substituted_files_are_entry_documents_unless_a_later_rule_says_otherwise()
    {
        var options = new DeployConfig { Source = "s", Target = "s3://bucket-a", Substitute = ["config.js"], Rules = [new RuleConfig { Match = "*.js", CacheControl = "no-store" }] }.ToOptions(false);

        var first = options.Headers.Rules[0];
        Assert.True(first.Match.IsMatch("config.js"));
        Assert.True(first.Entry);
        Assert.Equal("no-store", options.Headers.Rules[1].CacheControl);
    }

    [Theory]
    [InlineData("""{ "values": { "API-URL": "x" } }""", "values['API-URL']: 'API-URL' is not a placeholder name")]
    [InlineData("""{ "substitute": ["a/**b"] }""", "substitute[0]")]
    public void Bad_names_and_globs_are_refused_with_their_place(string json, string message)
    {
        var e = Assert.Throws<DeployException>(() => ConfigFile.Load(temp.Write("s3deploy.json", json)).Validate());

        Assert.Equal(FailureKind.Usage, e.Kind);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unresolved_placeholder_exits_2_naming_the_file_and_line_before_anything_is_contacted()
    {
        temp.Write("site/appsettings.json", "{\n  \"api\": \"${S3DEPLOY_TEST_NEVER_SET}\"\n}");
        var config = temp.Write("s3deploy.json", $$"""
            { "source": "site", "target": "s3://bucket-a", "endpointUrl": "{{DeadEndpoint}}", "substitute": ["appsettings.json"] }
            """);

        var (exit, _, stderr) = await Run("deploy", "--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("error S3D076: appsettings.json:2: ${S3DEPLOY_TEST_NEVER_SET} has no value", stderr, StringComparison.Ordinal);
    }
}
