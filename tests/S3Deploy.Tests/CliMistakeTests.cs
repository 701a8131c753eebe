using System.Text.Json;
using static S3Deploy.Tests.CliRun;

namespace S3Deploy.Tests;

/// <summary>Mistyped options and commands, values of the wrong kind, --json on refusals, and what --help says.</summary>
public sealed class CliMistakeTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string[] Errors(string stderr) => [.. stderr.Split('\n').Where(l => l.StartsWith("error ", StringComparison.Ordinal))];

    [Theory]
    [InlineData("--dryrun", "--dry-run")]
    [InlineData("--dry_run", "--dry-run")]
    [InlineData("--concurency", "--concurrency")]
    [InlineData("--no-delet", "--no-delete")]
    public async Task A_mistyped_option_gets_a_suggestion(string typed, string meant)
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", typed);

        Assert.Equal(2, exit);
        Assert.Equal($"error S3D006: Unknown option '{typed}'. Did you mean '{meant}'?", Assert.Single(Errors(err)));
    }

    [Fact]
    public async Task A_mistyped_command_gets_a_suggestion()
    {
        var (exit, _, err) = await Run("deplyo", temp.Path, "s3://some-bucket");

        Assert.Equal(2, exit);
        Assert.Contains("Did you mean 'deploy'?", Assert.Single(Errors(err)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("previews prune", "previews", "prune", "s3://some-bucket/site", "--no-such-option")]
    [InlineData("rollback", "rollback", "s3://some-bucket/site", "--no-such-option")]
    public async Task A_parse_error_points_at_the_whole_commands_help(string command, params string[] args)
    {
        var (exit, _, err) = await CliRun.Run(args);

        Assert.Equal(2, exit);
        Assert.Contains($"Run 's3deploy {command} --help' for usage.", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_argument_is_named_as_unexpected()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "extra");

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D006: Unexpected argument 'extra': deploy takes only SOURCE and TARGET", Assert.Single(Errors(err)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_on_plan_says_plan_changes_nothing_anyway()
    {
        var (exit, stdout, err) = await Run("plan", temp.Path, "s3://some-bucket", "--dry-run", "--json");

        Assert.Equal(2, exit);
        Assert.Equal("error S3D006: plan never changes anything, so it has no --dry-run (that is 'deploy --dry-run').", Assert.Single(Errors(err)));
        using var doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.GetProperty("dryRun").GetBoolean());
    }

    [Fact]
    public async Task A_string_option_without_its_value_does_not_swallow_the_next_option()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "--region", "--dry-run");

        Assert.Equal(2, exit);
        Assert.Equal("error S3D006: --region needs a value.", Assert.Single(Errors(err)));
    }

    [Fact]
    public async Task A_mistyped_option_with_its_value_is_one_error_not_two()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "--regoin", "eu-west-1");

        Assert.Equal(2, exit);
        Assert.Equal("error S3D006: Unknown option '--regoin'. Did you mean '--region'?", Assert.Single(Errors(err)));
    }

    [Fact]
    public async Task A_number_option_given_a_word_names_the_expected_range_and_no_dotnet_type()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "--concurrency", "lots");

        Assert.Equal(2, exit);
        Assert.Equal("error S3D006: --concurrency needs a whole number from 1 to 256, not 'lots'.", Assert.Single(Errors(err)));
        Assert.DoesNotContain("System.", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_value_is_one_error_that_names_the_option()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "--max-deletes", "--no-delete");

        Assert.Equal(2, exit);
        Assert.Equal("error S3D006: --max-deletes needs a value: a whole number, 0 or more.", Assert.Single(Errors(err)));
    }

    [Fact]
    public async Task Json_on_a_parse_error_still_prints_one_object_with_the_error()
    {
        var (exit, stdout, _) = await Run("deploy", temp.Path, "s3://some-bucket", "--json", "--concurrency", "lots");

        Assert.Equal(2, exit);
        using var doc = JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(2, doc.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal("S3D006", doc.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("--concurrency", doc.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("--concurrency", doc.RootElement.GetProperty("error").GetProperty("option").GetString());
    }

    [Fact]
    public async Task Json_on_a_parse_error_about_no_one_option_names_none()
    {
        var (exit, stdout, _) = await Run("deploy", temp.Path, "s3://some-bucket", "--json", "--concurency", "4");

        Assert.Equal(2, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.False(doc.RootElement.GetProperty("error").TryGetProperty("option", out _));
    }

    [Fact]
    public async Task Json_on_a_refusal_prints_one_object_with_the_error_and_exit_code()
    {
        var (exit, stdout, err) = await Run("deploy", temp.Combine("dist"), "s3://some-bucket", "--endpoint-url", DeadEndpoint, "--json");

        Assert.Equal(3, exit);
        using var doc = JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("S3D001", root.GetProperty("error").GetProperty("code").GetString());
        Assert.False(root.GetProperty("dryRun").GetBoolean());
        Assert.StartsWith("error S3D001", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_on_a_network_failure_prints_one_object_with_the_error()
    {
        temp.Write("site/index.html", "x");

        var (exit, stdout, _) = await Run("plan", temp.Combine("site"), "s3://some-bucket", "--endpoint-url", DeadEndpoint, "--json");

        // No credentials here (S3D014) or none needed and nothing listening (S3D021): a service failure either way.
        Assert.Equal(1, exit);
        using var doc = JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains(doc.RootElement.GetProperty("error").GetProperty("code").GetString(), new[] { "S3D014", "S3D021" });
        Assert.Equal(1, doc.RootElement.GetProperty("exitCode").GetInt32());
        Assert.True(doc.RootElement.GetProperty("dryRun").GetBoolean());
    }

    [Fact]
    public async Task Command_help_names_its_placeholders_and_has_examples_exit_codes_and_credentials()
    {
        var (exit, output, _) = await Run("deploy", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--concurrency <N>", output, StringComparison.Ordinal);
        Assert.Contains("--config <FILE>", output, StringComparison.Ordinal);
        Assert.Contains("--endpoint-url <URL>", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
        Assert.Contains("Credentials and region:", output, StringComparison.Ordinal);
        Assert.Contains("[<SOURCE> [<TARGET>]]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Top_level_help_shows_source_and_target_as_the_command_help_does()
    {
        var (exit, output, _) = await Run("--help");

        Assert.Equal(0, exit);
        Assert.Contains("deploy [<SOURCE> [<TARGET>]]", output, StringComparison.Ordinal);
        Assert.Contains("plan [<SOURCE> [<TARGET>]]", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
    }
}
