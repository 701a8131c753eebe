using S3Deploy.Core.Config;

namespace S3Deploy.Tests;

/// <summary>The command line laid over s3deploy.json: what it sets wins, the rest stays the file's.</summary>
public sealed class ConfigLayeringTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string json, string name = "s3deploy.json") => temp.Write(name, json);

    [Fact]
    public void Command_line_values_win_and_unset_ones_keep_the_files()
    {
        var file = ConfigFile.Load(Write(ConfigSamples.EveryField));
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
        Assert.Equivalent(file.Rules, merged.Rules);
        Assert.Equivalent(file.Redirects, merged.Redirects);
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
        var file = ConfigFile.Load(Write(ConfigSamples.EveryField));
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

}
