using S3Deploy.Core.Headers;

namespace S3Deploy.Tests;

public class RedirectPathsTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/old.html")]
    [InlineData("/docs/")]
    [InlineData("/a/b/c.html")]
    [InlineData("/.well-known/security.txt")]
    [InlineData("/s3deploy/x")]
    public void Plain_paths_are_accepted(string path) => Assert.Null(RedirectPaths.PathProblem(path, ".s3deploy"));

    [Theory]
    [InlineData("/.s3deploy/manifest.json", ".s3deploy")]
    [InlineData("/.s3deploy/", ".s3deploy")]
    [InlineData("/.S3Deploy/manifest.json", ".s3deploy")]
    [InlineData("/../../other/x", "'..'")]
    [InlineData("/a/..", "'..'")]
    [InlineData("/./x", "'.'")]
    [InlineData("//evil", "empty")]
    [InlineData("/a//b", "empty")]
    [InlineData("/docs//", "empty")]
    [InlineData("old.html", "must start with '/'")]
    [InlineData("/a\r\nb", "\\u000d")]
    public void Paths_that_leave_the_prefix_or_name_tool_keys_are_refused(string path, string says)
    {
        var problem = RedirectPaths.PathProblem(path, ".s3deploy");

        Assert.NotNull(problem);
        Assert.Contains(says, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/new/")]
    [InlineData("/new/page%20two.html")]
    [InlineData("https://example.com/x?y=1")]
    [InlineData("http://example.com")]
    public void Locations_s3_serves_are_accepted(string location) => Assert.Null(RedirectPaths.LocationProblem(location));

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/new page.html")]
    [InlineData("ftp://example.com/")]
    [InlineData("https://")]
    [InlineData("new/")]
    public void Other_locations_are_refused(string location) => Assert.NotNull(RedirectPaths.LocationProblem(location));
}
