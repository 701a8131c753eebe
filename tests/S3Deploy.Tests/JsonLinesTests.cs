using System.Text;
using S3Deploy.Core.Config;

namespace S3Deploy.Tests;

public class JsonLinesTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("""
        {
          // line 2: a comment
          "source": "site",
          "delete": false,
          "exclude": [
            "*.map",
            "uploads/"
          ],
          "rules": [
            { "match": "*.css" },
            {
              "match": "assets/**",
              "metadata": { "team": "web" },
            },
          ],
          "redirects": {
            "/blog": "https://blog.example.com/",
            "/old/page.html": "/new/"
          },
          "matrix": [
            [1, 2],
            [
              3,
              4
            ]
          ],
          "empty": {}
        }
        """);

    [Theory]
    [InlineData("$", 1)]
    [InlineData("$.source", 3)]
    [InlineData("$.delete", 4)]
    [InlineData("$.exclude", 5)]
    [InlineData("$.exclude[0]", 6)]
    [InlineData("$.exclude[1]", 7)]
    [InlineData("$.rules", 9)]
    [InlineData("$.rules[0]", 10)]
    [InlineData("$.rules[0].match", 10)]
    [InlineData("$.rules[1]", 11)]
    [InlineData("$.rules[1].match", 12)]
    [InlineData("$.rules[1].metadata", 13)]
    [InlineData("$.rules[1].metadata.team", 13)]
    [InlineData("$.redirects", 16)]
    [InlineData("$.redirects['/blog']", 17)]
    [InlineData("$.redirects['/old/page.html']", 18)]
    [InlineData("$.matrix", 20)]
    [InlineData("$.matrix[0]", 21)]
    [InlineData("$.matrix[0][1]", 21)]
    [InlineData("$.matrix[1]", 22)]
    [InlineData("$.matrix[1][0]", 23)]
    [InlineData("$.matrix[1][1]", 24)]
    [InlineData("$.empty", 27)]
    public void Finds_the_line_of_a_path(string path, int line)
    {
        Assert.Equal(line, JsonLines.LineOf(Document, path));
    }

    [Theory]
    [InlineData("$.target")]
    [InlineData("$.exclude[2]")]
    [InlineData("$.rules[2].match")]
    [InlineData("$.rules[0].cacheControl")]
    [InlineData("$.redirects['/missing']")]
    [InlineData("$.matrix[1][2]")]
    [InlineData("$.empty.x")]
    [InlineData("source")]
    public void Returns_null_for_a_path_that_does_not_exist(string path)
    {
        Assert.Null(JsonLines.LineOf(Document, path));
    }

    [Fact]
    public void Returns_null_for_a_document_that_does_not_parse()
    {
        Assert.Null(JsonLines.LineOf(Encoding.UTF8.GetBytes("{\n \"a\": [1,\n"), "$.b"));
    }

    [Fact]
    public void Finds_a_path_in_a_document_on_one_line()
    {
        var json = Encoding.UTF8.GetBytes("""{ "rules": [ { "match": "a" }, { "match": "b" } ] }""");

        Assert.Equal(1, JsonLines.LineOf(json, "$.rules[1].match"));
    }

    [Theory]
    [InlineData("source", ".source")]
    [InlineData("max_deletes2", ".max_deletes2")]
    [InlineData("/old/page.html", "['/old/page.html']")]
    [InlineData("with space", "['with space']")]
    [InlineData("", "['']")]
    public void Segments_are_written_as_System_Text_Json_writes_paths(string name, string segment)
    {
        Assert.Equal(segment, JsonLines.Segment(name));
    }
}
