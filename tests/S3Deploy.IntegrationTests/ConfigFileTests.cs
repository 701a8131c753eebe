using S3Deploy.Cli;
using S3Deploy.IntegrationTests.Infrastructure;

namespace S3Deploy.IntegrationTests;

public sealed class ConfigFileTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task Config_file_supplies_source_target_and_rules_and_options_override_it(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"), ("a.css", "a{}"), ("data.json", "{}"));
        var config = Path.Combine(site.Path, "..", Path.GetFileName(site.Path) + ".s3deploy.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "$schema": "./s3deploy.schema.json",
              "source": "{{Path.GetFileName(site.Path)}}",
              "target": "s3://{{Bucket.Name}}/from-file",
              "endpointUrl": "{{Server.Endpoint}}",
              "rules": [
                { "match": "*.css", "cacheControl": "public, max-age=600", "metadata": { "team": "web" } },
                { "match": "*.json", "contentDisposition": "attachment", "entry": true }
              ]
            }
            """);
        Own(new DeleteFile(config));

        var (code, _, stderr) = await RunAsync("deploy", "--config", config, "--cache-control", "no-cache");

        Assert.True(code == 0, stderr);
        var css = await Bucket.HeadAsync("from-file/a.css");
        Assert.Equal("public, max-age=600", css.Headers.CacheControl);
        Assert.Equal("web", css.Metadata["team"]);
        Assert.Equal("attachment", (await Bucket.HeadAsync("from-file/data.json")).Headers.ContentDisposition);
        Assert.Equal("no-cache", (await Bucket.HeadAsync("from-file/index.html")).Headers.CacheControl);
    }

    [Theory, OnS3rver, OnMoto]
    public async Task Config_error_names_file_line_and_field_and_contacts_nothing(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"));
        var config = Path.Combine(site.Path, "..", Path.GetFileName(site.Path) + ".bad.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "target": "s3://{{Bucket.Name}}",
              "rules": [
                { "match": "*.css" },
                { "match": "assets/**b", "cacheControl": "no-cache" }
              ]
            }
            """);
        Own(new DeleteFile(config));

        var (code, _, stderr) = await RunAsync("deploy", site.Path, "--config", config);

        Assert.Equal(2, code);
        Assert.Contains("error S3D007:", stderr);
        Assert.Contains(".bad.json:5: rules[1].match:", stderr);
        Assert.Empty(await Bucket.ListAsync());
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private sealed class DeleteFile(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }
}
