using static S3Deploy.Tests.CliRun;

namespace S3Deploy.Tests;

public sealed class CliUsageTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Unknown_option_is_a_usage_error_S3D006()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "--bogus-option");

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D006", err, StringComparison.Ordinal);
        Assert.Contains("--bogus-option", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error_S3D006()
    {
        var (exit, _, err) = await Run("publish", temp.Path, "s3://some-bucket");

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D006", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_without_s3_scheme_is_a_usage_error_S3D005()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "http://x", "--endpoint-url", DeadEndpoint);

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D005", err, StringComparison.Ordinal);
        Assert.Contains("http://x", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_source_folder_is_refused_S3D001_before_any_network()
    {
        var missing = temp.Combine("dist");

        var (exit, _, err) = await Run("deploy", missing, "s3://some-bucket", "--endpoint-url", DeadEndpoint);

        Assert.Equal(3, exit);
        Assert.StartsWith("error S3D001", err, StringComparison.Ordinal);
        Assert.Contains(missing, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_with_missing_source_folder_is_refused_S3D001()
    {
        var (exit, _, err) = await Run("plan", temp.Combine("dist"), "s3://some-bucket", "--endpoint-url", DeadEndpoint);

        Assert.Equal(3, exit);
        Assert.StartsWith("error S3D001", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_source_folder_with_delete_is_refused_S3D003_before_any_network()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "--endpoint-url", DeadEndpoint);

        Assert.Equal(3, exit);
        Assert.StartsWith("error S3D003", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("257")]
    public async Task Concurrency_out_of_range_is_a_usage_error_S3D006(string value)
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "--endpoint-url", DeadEndpoint, "--concurrency", value);

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D006", err, StringComparison.Ordinal);
        Assert.Contains("--concurrency", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negative_max_deletes_is_a_usage_error_S3D006()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "--endpoint-url", DeadEndpoint, "--max-deletes", "-1");

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D006", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_that_is_not_an_http_url_is_a_usage_error_S3D006()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "--endpoint-url", "ftp://127.0.0.1:9");

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D006", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_exclude_glob_is_a_usage_error_S3D007()
    {
        var (exit, _, err) = await Run("deploy", temp.Path, "s3://some-bucket", "--endpoint-url", DeadEndpoint, "--exclude", "a**b");

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D007", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_is_not_an_option_of_plan()
    {
        var (exit, _, err) = await Run("plan", temp.Path, "s3://some-bucket", "--dry-run");

        Assert.Equal(2, exit);
        Assert.StartsWith("error S3D006", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_help_succeeds_and_documents_max_deletes()
    {
        var (exit, output, err) = await Run("deploy", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--max-deletes", output, StringComparison.Ordinal);
        Assert.Contains("--exclude", output, StringComparison.Ordinal);
        Assert.Equal("", err);
    }

    [Fact]
    public async Task Root_help_succeeds_and_lists_the_commands()
    {
        var (exit, output, _) = await Run("--help");

        Assert.Equal(0, exit);
        Assert.Contains("deploy", output, StringComparison.Ordinal);
        Assert.Contains("plan", output, StringComparison.Ordinal);
    }
}
