using S3Deploy.Core.Remote;

namespace S3Deploy.Tests;

public class ListingRangesTests
{
    private static readonly S3Target Site = new("bucket", "site");

    [Theory]
    [InlineData(0, 16, 1)]
    [InlineData(999, 16, 1)]
    [InlineData(1000, 16, 2)]
    [InlineData(3500, 16, 4)]
    [InlineData(100_000, 16, 8)]
    [InlineData(100_000, 3, 3)]
    [InlineData(5000, 1, 1)]
    public void One_range_per_thousand_local_keys_at_most_eight_and_the_concurrency(int keys, int concurrency, int ranges) =>
        Assert.Equal(ranges, ListingRanges.Split(Keys(keys), Site, concurrency).Count);

    [Fact]
    public void A_small_site_is_listed_as_one_range_from_start_to_end() =>
        Assert.Equal([KeyRange.All], ListingRanges.Split(Keys(10), Site, 16));

    [Fact]
    public void Ranges_meet_at_prefixed_local_keys_and_cover_the_whole_key_space()
    {
        var ranges = ListingRanges.Split(Keys(2000), Site, 16);

        Assert.Equal([null, "site/k00666.html", "site/k01333.html"], ranges.Select(r => r.After));
        Assert.Equal(["site/k00666.html", "site/k01333.html", null], ranges.Select(r => r.Through));
    }

    [Fact]
    public void Every_key_falls_in_exactly_one_range_including_keys_equal_to_a_boundary()
    {
        var local = Keys(5000).Concat(["\U0001F600.html", "\uFF01.html", "caf\u00e9/x"]).ToList();
        var ranges = ListingRanges.Split(local, Site, 16);
        var remote = local.Concat(["", "k01000.html0", "k00999", "k01000.htm", "zzz", "\U0001F600", "\uFFFF", "\U0010FFFF"]).Select(Site.KeyFor).ToList();

        foreach (var key in remote.Concat(ranges.Select(r => r.Through).OfType<string>()))
        {
            Assert.Single(ranges, r => Contains(r, key));
        }
    }

    [Theory]
    [InlineData("img/\U0001F600.png", "img/\uD7FF")]
    [InlineData("\uFF01.html", "\uD7FF")]
    [InlineData("caf\u00e9/\u4e2d.html", "caf\u00e9/\u4e2d.html")]
    [InlineData("plain.html", "plain.html")]
    public void Boundaries_end_before_characters_where_UTF16_and_UTF8_order_disagree(string key, string boundary) =>
        Assert.Equal(boundary, ListingRanges.SafeBoundary(key));

    [Fact]
    public void Emoji_keys_at_the_split_points_give_boundaries_without_them()
    {
        var local = Enumerable.Range(0, 4000).Select(i => $"\U0001F600/{i:D5}").Concat(Keys(4000)).ToList();

        var ranges = ListingRanges.Split(local, Site, 16);

        Assert.All(ranges.Select(r => r.Through).OfType<string>(), b => Assert.Equal(b, ListingRanges.SafeBoundary(b)));
        Assert.Equal(["site/k01000.html", "site/k02000.html", "site/k03000.html", "site/\uD7FF"], ranges.Select(r => r.Through).OfType<string>());
    }

    [Fact]
    public void A_directory_bucket_which_lists_in_no_order_gets_one_range() =>
        Assert.Equal([KeyRange.All], ListingRanges.Split(Keys(5000), new S3Target("site--usw2-az1--x-s3", ""), 16));

    private static bool Contains(KeyRange range, string key) =>
        (range.After is null || Utf8Order.Instance.Compare(key, range.After) > 0) && !range.IsPast(key);

    private static IEnumerable<string> Keys(int count) => Enumerable.Range(0, count).Select(i => $"k{i:D5}.html").Reverse();
}
