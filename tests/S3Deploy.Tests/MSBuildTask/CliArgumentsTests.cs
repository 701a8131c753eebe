using System.Reflection;
using S3Deploy.MSBuild;

namespace S3Deploy.Tests.MSBuildTask;

/// <summary>The command line the MSBuild task gives the bundled CLI: one option per property, quoted where needed.</summary>
public sealed class CliArgumentsTests
{
    private static readonly string[] Plumbing = ["CliPath", "Source", "Bucket", "Prefix", "DotnetHostPath", "NetCoreRoot", "ProjectDirectory"];

    [Fact]
    public void Defaults_give_only_the_tool_the_folder_the_target_and_json()
    {
        var arguments = CliArguments.Build(Task());

        Assert.Equal("/pkg/s3deploy.dll deploy /site s3://my-bucket --json", arguments);
    }

    [Theory]
    [InlineData(nameof(S3DeployTask.Config), "s3deploy.json", "--config s3deploy.json")]
    [InlineData(nameof(S3DeployTask.Target), "staging", "--target staging")]
    [InlineData(nameof(S3DeployTask.Region), "eu-west-1", "--region eu-west-1")]
    [InlineData(nameof(S3DeployTask.Profile), "ci", "--profile ci")]
    [InlineData(nameof(S3DeployTask.EndpointUrl), "http://127.0.0.1:4568", "--endpoint-url http://127.0.0.1:4568")]
    [InlineData(nameof(S3DeployTask.Delete), false, "--no-delete")]
    [InlineData(nameof(S3DeployTask.MaxDeletes), "50", "--max-deletes 50")]
    [InlineData(nameof(S3DeployTask.AllowEmpty), true, "--allow-empty")]
    [InlineData(nameof(S3DeployTask.Exclude), new[] { "*.pdb", "drafts/" }, "--exclude \"*.pdb\" --exclude drafts/")]
    [InlineData(nameof(S3DeployTask.Concurrency), "4", "--concurrency 4")]
    [InlineData(nameof(S3DeployTask.DryRun), true, "--dry-run")]
    [InlineData(nameof(S3DeployTask.FollowSymlinks), true, "--follow-symlinks")]
    [InlineData(nameof(S3DeployTask.HashCache), false, "--no-hash-cache")]
    [InlineData(nameof(S3DeployTask.CacheControl), "no-cache", "--cache-control no-cache")]
    [InlineData(nameof(S3DeployTask.Precompressed), "gzip", "--precompressed gzip")]
    [InlineData(nameof(S3DeployTask.Sse), "aws:kms", "--sse aws:kms")]
    [InlineData(nameof(S3DeployTask.SseKmsKeyId), "alias/site", "--sse-kms-key-id alias/site")]
    [InlineData(nameof(S3DeployTask.StorageClass), "STANDARD_IA", "--storage-class STANDARD_IA")]
    [InlineData(nameof(S3DeployTask.Website), true, "--website")]
    [InlineData(nameof(S3DeployTask.IndexDocument), "home.html", "--index-document home.html")]
    [InlineData(nameof(S3DeployTask.ErrorDocument), "404.html", "--error-document 404.html")]
    [InlineData(nameof(S3DeployTask.Spa), true, "--spa")]
    [InlineData(nameof(S3DeployTask.Public), true, "--public")]
    [InlineData(nameof(S3DeployTask.KeepStale), "1h", "--keep-stale 1h")]
    [InlineData(nameof(S3DeployTask.CloudFront), new[] { "E1", "E2" }, "--cloudfront E1 --cloudfront E2")]
    [InlineData(nameof(S3DeployTask.CloudFrontEndpointUrl), "http://127.0.0.1:5000", "--cloudfront-endpoint-url http://127.0.0.1:5000")]
    [InlineData(nameof(S3DeployTask.Wait), false, "--no-wait")]
    [InlineData(nameof(S3DeployTask.WaitTimeout), "5m", "--wait-timeout 5m")]
    [InlineData(nameof(S3DeployTask.MaxInvalidationPaths), "100", "--max-invalidation-paths 100")]
    [InlineData(nameof(S3DeployTask.Diagnostics), true, "--diagnostics")]
    [InlineData(nameof(S3DeployTask.CloudFrontHosting), true, "--cloudfront-hosting")]
    [InlineData(nameof(S3DeployTask.KeepReleases), "3", "--keep-releases 3")]
    [InlineData(nameof(S3DeployTask.Message), "hotfix", "--message hotfix")]
    [InlineData(nameof(S3DeployTask.BreakLock), true, "--break-lock")]
    public void Each_property_becomes_its_option(string property, object value, string expected)
    {
        var task = Task();
        typeof(S3DeployTask).GetProperty(property)!.SetValue(task, value);

        var arguments = CliArguments.Build(task);

        Assert.Equal("/pkg/s3deploy.dll deploy /site s3://my-bucket --json " + expected, arguments);
    }

    [Fact]
    public void Without_a_bucket_a_named_target_gives_it_so_no_s3_url_is_passed()
    {
        var task = Task();
        task.Bucket = "";
        task.Target = "production";

        Assert.Equal("/pkg/s3deploy.dll deploy /site --json --target production", CliArguments.Build(task));
    }

    [Fact]
    public void Every_property_but_the_plumbing_changes_the_command_line()
    {
        var unchanged = CliArguments.Build(Task());
        var options = typeof(S3DeployTask).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.SetMethod is { IsPublic: true } && !Plumbing.Contains(p.Name));

        var silent = options.Where(p =>
        {
            var task = Task();
            p.SetValue(task, p.PropertyType == typeof(bool) ? !(bool)p.GetValue(task)! : p.PropertyType == typeof(string[]) ? new[] { "x" } : "x");
            return CliArguments.Build(task) == unchanged;
        });

        Assert.Empty(silent.Select(p => p.Name));
        Assert.Equal(40, options.Count());
    }

    [Fact]
    public void Rollback_runs_the_rollback_command_with_only_the_options_it_takes()
    {
        var task = Task();
        task.Rollback = true;
        task.RollbackTo = "20261201-061503-123";
        task.Exclude = ["*.pdb"];
        task.Region = "eu-west-1";
        task.BreakLock = true;

        Assert.Equal("/pkg/s3deploy.dll rollback s3://my-bucket --json --region eu-west-1 --to 20261201-061503-123 --break-lock", CliArguments.Build(task));
    }

    [Fact]
    public void Values_with_spaces_are_quoted_and_blank_values_left_out()
    {
        var task = Task(source: "/my site/wwwroot/");
        task.CacheControl = " max-age=60, public ";
        task.Region = "   ";
        task.Profile = "";

        var arguments = CliArguments.Build(task);

        Assert.Equal("/pkg/s3deploy.dll deploy \"/my site/wwwroot\" s3://my-bucket --json --cache-control \"max-age=60, public\"", arguments);
    }

    [Theory]
    [InlineData("/site/", "/site")]
    [InlineData("/site//", "/site")]
    [InlineData(@"C:\out\publish\", @"C:\out\publish")]
    [InlineData(@"C:\", @"C:\")]
    [InlineData("/", "/")]
    [InlineData("site", "site")]
    public void The_folder_loses_its_trailing_separator_unless_it_is_a_root(string source, string expected)
    {
        var arguments = CliArguments.Build(Task(source: source));

        // MSBuild's CommandLineBuilder writes a file name's separators as the platform's.
        Assert.Equal($"/pkg/s3deploy.dll deploy {expected.Replace('\\', Path.DirectorySeparatorChar)} s3://my-bucket --json", arguments);
    }

    [Theory]
    [InlineData("app", "s3://my-bucket/app")]
    [InlineData("/app/v2/", "s3://my-bucket/app/v2")]
    [InlineData("", "s3://my-bucket")]
    public void The_prefix_joins_the_bucket_in_the_target(string prefix, string target)
    {
        var task = Task();
        task.Prefix = prefix;

        Assert.Contains($" {target} --json", CliArguments.Build(task), StringComparison.Ordinal);
    }

    /// <summary>Credentials reach the CLI through the environment it inherits; a parameter for one would put it on the command line.</summary>
    [Fact]
    public void The_task_has_no_credential_parameter_so_none_is_ever_an_argument()
    {
        string[] credentialWords = ["Secret", "Token", "AccessKey", "Password", "Credential"];

        var credentialLike = typeof(S3DeployTask).GetProperties().Select(p => p.Name)
            .Where(name => credentialWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)));

        Assert.Empty(credentialLike);
    }

    private static S3DeployTask Task(string source = "/site/") => new() { CliPath = "/pkg/s3deploy.dll", Source = source, Bucket = "my-bucket" };
}
