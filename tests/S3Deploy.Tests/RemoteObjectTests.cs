using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public class RemoteObjectTests
{
    [Theory]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e", true)]
    [InlineData("D41D8CD98F00B204E9800998ECF8427E", true)]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e-3", false)]
    [InlineData("d41d8cd98f00b204e9800998ecf8427", false)]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e0", false)]
    [InlineData("g41d8cd98f00b204e9800998ecf8427e", false)]
    [InlineData("", false)]
    public void ETag_is_an_md5_only_when_it_is_32_hex_digits(string etag, bool expected) =>
        Assert.Equal(expected, new RemoteObject("k", 1, etag).ETagIsMd5);
}
