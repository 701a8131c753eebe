using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public class CopySourceHeaderTests
{
    [Fact]
    public void Encode_keeps_slashes_and_percent_encodes_utf8_in_upper_hex() =>
        Assert.Equal("bucket/dir/a%20b%2Bc%23%C3%A9.txt", CopySourceHeader.Encode("bucket/dir/a b+c#é.txt"));

    [Fact]
    public void Encode_leaves_unreserved_characters_alone() =>
        Assert.Equal("Az09-_.~/", CopySourceHeader.Encode("Az09-_.~/"));

    [Theory]
    [InlineData("%", "%25")]
    [InlineData("?", "%3F")]
    [InlineData("&=:", "%26%3D%3A")]
    [InlineData("\u65e5", "%E6%97%A5")]
    [InlineData("\U0001F600", "%F0%9F%98%80")]
    public void Encode_escapes_reserved_and_non_ascii_characters(string decoded, string encoded) =>
        Assert.Equal(encoded, CopySourceHeader.Encode(decoded));

    [Fact]
    public void Reencode_turns_the_sdk_escaped_slashes_back_into_literal_ones() =>
        Assert.Equal("smoke/site/release%20notes.html", CopySourceHeader.Reencode("smoke%2Fsite%2Frelease%20notes.html"));

    [Fact]
    public void Reencode_keeps_the_version_query_untouched() =>
        Assert.Equal("b/k%20x.txt?versionId=a%2Fb", CopySourceHeader.Reencode("b%2Fk%20x.txt?versionId=a%2Fb"));

    [Fact]
    public void Reencode_keeps_an_escaped_question_mark_in_the_key() =>
        Assert.Equal("b/what%3F.html", CopySourceHeader.Reencode("b%2Fwhat%3F.html"));

    [Fact]
    public void Reencode_of_an_already_canonical_value_is_unchanged()
    {
        const string canonical = "bucket/dir/a%20b%2Bc%23%C3%A9.txt";

        Assert.Equal(canonical, CopySourceHeader.Reencode(canonical));
    }
}
