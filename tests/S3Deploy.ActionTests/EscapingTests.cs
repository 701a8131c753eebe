using S3Deploy.Cli.Output;

namespace S3Deploy.ActionTests;

public sealed class EscapingTests
{
    [Theory]
    [InlineData("100% done", "100%25 done")]
    [InlineData("a\r\nb\nc", "a%0D%0Ab%0Ac")]
    [InlineData("key: a, b", "key: a, b")]
    [InlineData("%0A literal", "%250A literal")]
    public void GitHub_data_escapes_percent_and_line_breaks_only(string value, string expected) => Assert.Equal(expected, GitHubDialect.EscapeData(value));

    [Theory]
    [InlineData("S3D006", "S3D006")]
    [InlineData("a:b,c", "a%3Ab%2Cc")]
    [InlineData("50%\n", "50%25%0A")]
    public void GitHub_properties_also_escape_colon_and_comma(string value, string expected) => Assert.Equal(expected, GitHubDialect.EscapeProperty(value));

    [Fact]
    public void GitHub_error_carries_the_code_as_title_and_a_one_line_message() =>
        Assert.Equal("::error title=S3D0%3A1::bucket: a,b%0Anext 5%25", new GitHubDialect(null, null).Error("S3D0:1", "bucket: a,b\nnext 5%"));

    [Theory]
    [InlineData("a;b]c", "a%3Bb%5Dc")]
    [InlineData("5% off", "5%AZP25 off")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("x: y, z", "x: y, z")]
    public void Azure_escapes_semicolon_bracket_percent_and_line_breaks(string value, string expected) => Assert.Equal(expected, AzureDialect.Escape(value));

    [Fact]
    public void Azure_commands_escape_their_properties_and_data()
    {
        Assert.Equal("##vso[task.setvariable variable=website-url;isoutput=true]http://b/%3Bx%5D", AzureDialect.SetOutput("website-url", "http://b/;x]"));
        Assert.Equal("##vso[task.logissue type=error;code=S3D010]Bucket 'b' %3B missing%5D", new AzureDialect("/tmp").Error("S3D010", "Bucket 'b' ; missing]"));
        Assert.Equal("##vso[task.uploadsummary]/tmp/a%3Bb.md", AzureDialect.UploadSummary("/tmp/a;b.md"));
    }

    [Fact]
    public void Output_file_uses_the_heredoc_form_only_for_values_with_line_breaks()
    {
        var text = GitHubDialect.OutputFile([new("uploaded", "2"), new("invalidation-ids", "I1\nI2"), new("website-url", "")], () => "ghadelimiter_X");

        Assert.Equal("uploaded=2\ninvalidation-ids<<ghadelimiter_X\nI1\nI2\nghadelimiter_X\nwebsite-url=\n", text);
    }

    [Fact]
    public void Markdown_escapes_what_would_break_a_table_cell_or_open_html()
    {
        Assert.Equal(@"a\|b &lt;script&gt; \[x\](y) \*\_", SummaryMarkdown.Escape("a|b <script> [x](y) *_"));
    }
}
