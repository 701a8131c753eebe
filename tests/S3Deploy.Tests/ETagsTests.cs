using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public class ETagsTests
{
    [Theory]
    [InlineData("\"d41d8cd98f00b204e9800998ecf8427e\"", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("W/\"d41d8cd98f00b204e9800998ecf8427e\"", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("w/\"d41d8cd98f00b204e9800998ecf8427e-12\"", "d41d8cd98f00b204e9800998ecf8427e-12")]
    [InlineData(" W/ \"abc\" ", "abc")]
    [InlineData("&quot;d41d8cd98f00b204e9800998ecf8427e&quot;", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("\"opaque-token:42\"", "opaque-token:42")]
    public void Quotes_and_weakness_are_stripped_and_the_token_kept(string raw, string expected) =>
        Assert.Equal(expected, ETags.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("W/")]
    [InlineData("W/\"\"")]
    [InlineData("\"two words\"")]
    [InlineData("\"caf\u00e9\"")]
    [InlineData("\"a\"b\"")]
    [InlineData("\"tab\there\"")]
    public void Empty_or_garbled_etags_are_unknown(string? raw) =>
        Assert.Equal(ETags.Unknown, ETags.Normalize(raw));

    [Fact]
    public void An_etag_longer_than_any_server_sends_is_unknown() =>
        Assert.Equal(ETags.Unknown, ETags.Normalize(new string('a', 257)));

    [Fact]
    public void A_weak_md5_etag_still_counts_as_an_md5() =>
        Assert.True(new RemoteObject("k", 1, ETags.Normalize("W/\"d41d8cd98f00b204e9800998ecf8427e\"")).ETagIsMd5);
}
