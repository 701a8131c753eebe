namespace S3Deploy.Tests;

/// <summary>Bad input to <c>remove</c> and <c>previews prune</c> is refused before any client or request exists.</summary>
public sealed class RemoveCommandTests
{
    [Theory]
    [InlineData("S3D006", "remove", "s3://some-bucket/site", "--max-deletes", "-1")]
    [InlineData("S3D006", "previews", "prune", "--older-than", "soon", "s3://some-bucket/site")]
    [InlineData("S3D005", "remove", "some-bucket/site")]
    [InlineData("S3D082", "remove", "s3://some-bucket/site", "--role-arn", "site-deploy")]
    public async Task Bad_input_exits_2_with_its_code(string code, params string[] args)
    {
        var (exit, _, err) = await CliRun.Run([.. args, "--endpoint-url", CliRun.DeadEndpoint]);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error {code}:", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bucket_root_is_refused_without_force_before_anything_is_contacted()
    {
        var (exit, _, err) = await CliRun.Run("remove", "s3://some-bucket", "--endpoint-url", CliRun.DeadEndpoint);

        Assert.Equal(3, exit);
        Assert.StartsWith("error S3D081:", err, StringComparison.Ordinal);
    }
}
