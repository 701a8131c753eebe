using S3Deploy.Core.Headers;

namespace S3Deploy.Tests;

public class HeaderValuesTests
{
    [Theory]
    [InlineData("max-age=1\r\nx-amz-acl: public-read", "\\u000d")]
    [InlineData("max-age=1\nx-amz-acl: public-read", "\\u000a")]
    [InlineData("a\tb", "\\u0009")]
    [InlineData("a\0b", "\\u0000")]
    [InlineData("a\u007fb", "\\u007f")]
    [InlineData("a\u0085b", "\\u0085")]
    public void A_control_character_is_refused_and_shown_escaped(string value, string shown)
    {
        var problem = HeaderValues.Problem(value);

        Assert.NotNull(problem);
        Assert.Contains(shown, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
        Assert.DoesNotContain('\r', problem);
        Assert.Equal(problem, HeaderValues.ControlProblem(value));
    }

    [Fact]
    public void Non_ascii_is_refused_where_nothing_encodes_it()
    {
        var problem = HeaderValues.Problem("max-age=1, naïve");

        Assert.Contains("not ASCII", problem, StringComparison.Ordinal);
        Assert.Null(HeaderValues.ControlProblem("max-age=1, naïve"));
    }

    [Theory]
    [InlineData("public, max-age=31536000, immutable")]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("attachment; filename=\"report (final).pdf\"")]
    [InlineData("")]
    public void Printable_ascii_is_accepted(string value) => Assert.Null(HeaderValues.Problem(value));

    [Theory]
    [InlineData("author")]
    [InlineData("build-id")]
    [InlineData("x_y.z")]
    public void Token_names_are_accepted(string name) => Assert.Null(HeaderValues.NameProblem(name));

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("a:b")]
    [InlineData("a\r\nx-amz-acl")]
    [InlineData("auteur-é")]
    [InlineData("a/b")]
    public void Names_that_are_not_http_tokens_are_refused(string name)
    {
        var problem = HeaderValues.NameProblem(name);

        Assert.NotNull(problem);
        Assert.DoesNotContain('\n', problem);
    }
}
