using S3Deploy.Core.CloudFront;

namespace S3Deploy.Tests.CloudFront;

public sealed class InvalidationStatusTests
{
    [Theory]
    [InlineData("Completed")]
    [InlineData("COMPLETED")]
    [InlineData("completed")]
    public void Completed_is_recognised_in_any_case(string status)
    {
        var invalidation = new Invalidation("I1", status, null, ["/index.html"]);

        Assert.True(invalidation.IsCompleted);
    }

    [Theory]
    [InlineData("InProgress")]
    [InlineData("IN_PROGRESS")]
    [InlineData("")]
    public void Anything_else_is_still_in_progress(string status)
    {
        var invalidation = new Invalidation("I1", status, null, ["/index.html"]);

        Assert.False(invalidation.IsCompleted);
    }
}
