using S3Deploy.Core.Headers;

namespace S3Deploy.Tests;

public class MetadataEncodingTests
{
    [Fact]
    public void Ascii_values_are_sent_as_they_are()
    {
        Assert.Equal("Jane Doe", MetadataEncoding.Encode("Jane Doe"));
        Assert.Equal("Jane Doe", MetadataEncoding.Decode("Jane Doe"));
    }

    [Fact]
    public void Non_ascii_values_become_one_utf8_base64_encoded_word()
    {
        Assert.Equal("=?UTF-8?B?Wm/Dqw==?=", MetadataEncoding.Encode("Zoë"));
    }

    [Theory]
    [InlineData("Zoë")]
    [InlineData("日本語のタイトル")]
    [InlineData("emoji 🚀 and = ? signs")]
    public void Encoded_values_decode_to_the_same_text(string value) =>
        Assert.Equal(value, MetadataEncoding.Decode(MetadataEncoding.Encode(value)));

    [Theory]
    [InlineData("=?utf-8?Q?Zo=C3=AB_M?=", "Zoë M")]
    [InlineData("=?ISO-8859-1?Q?Zo=EB?=", "Zoë")]
    [InlineData("=?UTF-8?B?Wm8=?= =?UTF-8?B?w6s=?=", "Zoë")]
    [InlineData("a =?UTF-8?B?w6s=?= b", "a ë b")]
    public void Other_forms_s3_may_answer_with_decode_too(string wire, string text) =>
        Assert.Equal(text, MetadataEncoding.Decode(wire));

    [Theory]
    [InlineData("=?nope?B?Wm8=?=")]
    [InlineData("=?UTF-8?B?not base64!?=")]
    [InlineData("2+2=?")]
    public void What_does_not_decode_is_kept_as_it_came(string wire) =>
        Assert.Equal(wire, MetadataEncoding.Decode(wire));
}
