using System.Text;
using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.IntegrationTests.Infrastructure;
using S3Deploy.TestSupport;

namespace S3Deploy.IntegrationTests;

/// <summary>One build, two named targets: each gets its own substituted appsettings.json, and the assets are the same bytes.</summary>
public sealed class DeployTimeValuesTests(Servers servers) : ServerTest(servers)
{
    private DeployOptions Load(TempSite site, string target, Dictionary<string, string>? environment = null)
    {
        var config = Own(new TempSite());
        config.Write("s3deploy.json", $$"""
            {
              "source": "{{site.Path.Replace("\\", "\\\\", StringComparison.Ordinal)}}",
              "substitute": ["appsettings.json"],
              "precompressed": "gzip",
              "values": { "NAME": "site" },
              "targets": {
                "staging": { "target": "s3://{{Bucket.Name}}/staging", "values": { "API_URL": "https://api.staging.example" } },
                "production": { "target": "s3://{{Bucket.Name}}/production", "values": { "API_URL": "https://api.example" } }
              }
            }
            """);
        var options = ConfigFile.Load(config.FullPath("s3deploy.json")).WithTarget(target).ToOptions(false);
        return options with { Connection = Server.Connection, HashCacheFolder = config.Path, HashCacheSettle = TimeSpan.Zero, EnvironmentVariable = name => environment?.GetValueOrDefault(name) };
    }

    private TempSite Build() => Site(
        ("appsettings.json", """{ "api": "${API_URL}", "name": "${NAME}", "literal": "$${API_URL}" }"""),
        ("appsettings.json.gz", "not the substituted bytes"),
        ("_framework/app.wasm", "wasm bytes"),
        ("index.html", "<h1>home</h1>"));

    [Theory, OnS3rver, OnMoto]
    public async Task The_same_build_deployed_to_two_targets_gives_two_appsettings_and_identical_assets(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Build();

        await DeployAsync(Load(site, "staging"));
        await DeployAsync(Load(site, "production"));

        Assert.Equal("""{ "api": "https://api.staging.example", "name": "site", "literal": "${API_URL}" }""", Encoding.UTF8.GetString(await Bucket.GetAsync("staging/appsettings.json")));
        Assert.Equal("""{ "api": "https://api.example", "name": "site", "literal": "${API_URL}" }""", Encoding.UTF8.GetString(await Bucket.GetAsync("production/appsettings.json")));
        var keys = await Bucket.ListAsync();
        Assert.Equal(keys["staging/_framework/app.wasm"], keys["production/_framework/app.wasm"]);
        Assert.DoesNotContain("staging/appsettings.json.gz", keys.Keys);
        Assert.Equal("public, max-age=0, must-revalidate", await Bucket.RawHeaderAsync("production/appsettings.json", "Cache-Control"));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task A_new_value_for_an_unchanged_file_is_uploaded_though_the_file_is_in_the_hash_cache(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Build();
        await DeployAsync(Load(site, "staging"));

        var result = await DeployAsync(Load(site, "staging", new() { ["S3DEPLOY_VAR_API_URL"] = "https://api.override.example" }));

        Assert.Equal(["upload:content:appsettings.json"], Describe(result));
        Assert.Contains("https://api.override.example", Encoding.UTF8.GetString(await Bucket.GetAsync("staging/appsettings.json")), StringComparison.Ordinal);
    }
}
