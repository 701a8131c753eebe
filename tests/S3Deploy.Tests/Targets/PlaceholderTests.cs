using System.Text;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests.Targets;

/// <summary>${NAME} becomes its value, $${NAME} stays literal, and every other byte is kept.</summary>
public sealed class PlaceholderTests
{
    private static readonly Dictionary<string, string> Values = new() { ["API_URL"] = "https://api.example", ["_x1"] = "one" };

    private static string Replace(string text) => Encoding.UTF8.GetString(Placeholders.Replace(Encoding.UTF8.GetBytes(text), "config.js", Values.GetValueOrDefault));

    [Theory]
    [InlineData("""{ "api": "${API_URL}" }""", """{ "api": "https://api.example" }""")]
    [InlineData("${_x1}${_x1}", "oneone")]
    [InlineData("const u = `$${API_URL}`;", "const u = `${API_URL}`;")]
    [InlineData("$API_URL {API_URL} ${ API_URL } ${1A} ${a.b}", "$API_URL {API_URL} ${ API_URL } ${1A} ${a.b}")]
    public void Placeholders_are_replaced_and_everything_else_is_kept(string text, string expected)
    {
        Assert.Equal(expected, Replace(text));
    }

    [Fact]
    public void A_byte_order_mark_and_line_endings_are_kept()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a=${_x1}\r\nb=é\r\n")];

        var replaced = Placeholders.Replace(bytes, "a.ini", Values.GetValueOrDefault);

        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a=one\r\nb=é\r\n")], replaced);
    }

    [Fact]
    public void An_unresolved_placeholder_names_the_file_the_line_and_the_placeholder()
    {
        var e = Assert.Throws<DeployException>(() => Replace("{\n  \"api\": \"${API_URL}\",\n  \"key\": \"${MISSING}\"\n}"));

        Assert.Equal("S3D076", e.Code);
        Assert.Equal(FailureKind.Usage, e.Kind);
        Assert.StartsWith("config.js:3: ${MISSING} has no value: give \"values\": { \"MISSING\": … }", e.Message, StringComparison.Ordinal);
        Assert.Contains("S3DEPLOY_VAR_MISSING", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_text_is_refused()
    {
        var e = Assert.Throws<DeployException>(() => Placeholders.Replace([0x89, 0x50, 0x4E, 0x47, 0xFF], "logo.png", Values.GetValueOrDefault));

        Assert.Equal("S3D078", e.Code);
        Assert.StartsWith("logo.png: ", e.Message, StringComparison.Ordinal);
    }
}
