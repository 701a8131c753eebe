using System.Text;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public class Utf8OrderTests
{
    [Theory]
    [InlineData("a", "b")]
    [InlineData("a", "a/")]
    [InlineData("svgs-full/x", "svgs/x")]
    [InlineData("Z", "a")]
    [InlineData("caff", "caf\u00e9")]
    [InlineData("\uFF01.html", "\U0001F600.html")] // fullwidth '!' (EF BC 81) before an emoji (F0 9F 98 80)
    [InlineData("\uE000", "\U00010000")]
    [InlineData("\uD7FF", "\U00010000")]
    [InlineData("\U0001F600", "\U0001F601")]
    public void Keys_compare_as_their_UTF8_bytes_do(string lower, string higher)
    {
        Assert.True(Utf8Order.Instance.Compare(lower, higher) < 0);
        Assert.True(Utf8Order.Instance.Compare(higher, lower) > 0);
        Assert.Equal(0, Utf8Order.Instance.Compare(lower, lower));
    }

    [Fact]
    public void UTF16_ordinal_order_puts_an_emoji_before_fullwidth_forms_where_S3_puts_it_after()
    {
        Assert.True(string.CompareOrdinal("\U0001F600", "\uFF01") < 0);
        Assert.True(Utf8Order.Instance.Compare("\U0001F600", "\uFF01") > 0);
    }

    [Fact]
    public void Random_keys_sort_exactly_as_their_UTF8_bytes()
    {
        var random = new Random(14);
        var alphabet = new[] { "a", "z", "/", "-", ".", "\u00e9", "\u4e2d", "\uD7FF", "\uE000", "\uFF01", "\uFFFD", "\U0001F600", "\U00010000", "\U0010FFFF" };
        var keys = Enumerable.Range(0, 2000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => alphabet[random.Next(alphabet.Length)])))
            .Distinct()
            .ToList();

        var byBytes = keys.OrderBy(k => Encoding.UTF8.GetBytes(k), Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))).ToList();

        Assert.Equal(byBytes, keys.Order(Utf8Order.Instance).ToList());
        Assert.NotEqual(byBytes, keys.Order(StringComparer.Ordinal).ToList());
    }
}
