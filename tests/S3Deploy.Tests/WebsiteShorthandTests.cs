using System.Text.Json.Nodes;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests;

/// <summary>"website": true in s3deploy.json is the defaults, as the plain --website flag is.</summary>
public sealed class WebsiteShorthandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private DeployConfig Load(string json) => ConfigFile.Load(temp.Write("s3deploy.json", json));

    [Fact]
    public void Website_true_hosts_with_the_defaults()
    {
        var options = Load("""{ "source": ".", "target": "s3://my-bucket", "website": true }""").ToOptions(false);

        Assert.NotNull(options.Website);
        Assert.Equal("index.html", options.Website.Index);
        Assert.Null(options.Website.Error);
        Assert.False(options.Website.Spa);
    }

    [Fact]
    public void Website_false_leaves_hosting_alone()
    {
        var options = Load("""{ "source": ".", "target": "s3://my-bucket", "website": false }""").ToOptions(false);

        Assert.Null(options.Website);
    }

    [Fact]
    public void Website_true_keeps_the_line_numbers_of_later_mistakes()
    {
        var e = Assert.Throws<DeployException>(() => Load("{\n  \"website\": true,\n  \"concurency\": 4\n}"));

        Assert.Equal(DiagnosticCode.ConfigUnknownField, e.Code);
        Assert.Contains("s3deploy.json:3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Website_as_a_number_is_still_a_wrong_type()
    {
        var e = Assert.Throws<DeployException>(() => Load("""{ "website": 1 }"""));

        Assert.Equal(DiagnosticCode.ConfigBadValue, e.Code);
    }

    [Fact]
    public void The_schema_allows_true_as_well_as_the_object()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "S3Deploy.Core", "Config", "s3deploy.schema.json")))!;

        var types = schema["properties"]!["website"]!["type"]!.AsArray().Select(t => t!.GetValue<string>());

        Assert.Equal(["boolean", "object"], types);
    }
}
