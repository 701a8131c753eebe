namespace S3Deploy.Core.Remote;

/// <summary>
/// Splits the key space under the prefix into disjoint ranges that can be listed side by side: each range is one
/// round trip per 1,000 keys, so N ranges list a large prefix in about 1/N of the round trips. The boundaries are local
/// keys, which is where the remote keys of a deployed site are.
/// </summary>
internal static class ListingRanges
{
    public const int MaxRanges = 8;

    /// <summary>One range per 1,000 local keys (a page each), at most <see cref="MaxRanges"/> and no more than the concurrency.</summary>
    public static int CountFor(int localKeys, int concurrency) => Math.Max(1, Math.Min(MaxRanges, Math.Min(concurrency, (localKeys / 1000) + 1)));

    public static IReadOnlyList<KeyRange> Split(IEnumerable<string> relativeKeys, S3Target target, int concurrency)
    {
        // Directory buckets (S3 Express) list in no particular order and reject StartAfter.
        if (target.Bucket.EndsWith("--x-s3", StringComparison.Ordinal))
        {
            return [KeyRange.All];
        }

        var keys = relativeKeys.Order(Utf8Order.Instance).ToList();
        var count = CountFor(keys.Count, concurrency);
        var boundaries = Enumerable.Range(1, count - 1)
            .Select(i => SafeBoundary(keys[i * keys.Count / count]))
            .Where(b => b.Length > 0)
            .Select(target.KeyFor)
            .Distinct(StringComparer.Ordinal)
            .Order(Utf8Order.Instance)
            .ToList();
        if (boundaries.Count == 0)
        {
            return [KeyRange.All];
        }

        var ranges = new List<KeyRange>(boundaries.Count + 1);
        string? after = null;
        foreach (var boundary in boundaries)
        {
            ranges.Add(new KeyRange(after, boundary));
            after = boundary;
        }

        ranges.Add(new KeyRange(after, null));
        return ranges;
    }

    /// <summary>
    /// The key up to its first surrogate or character from U+E000 up, which becomes U+D7FF: below U+D800 UTF-8 and UTF-16
    /// order agree, so against such a boundary a server that compares UTF-16 strings (as JavaScript and .NET emulators do)
    /// puts every key on the same side as S3 does; U+D7FF keeps the cut key's neighbours above it.
    /// </summary>
    public static string SafeBoundary(string key)
    {
        var cut = key.AsSpan().IndexOfAnyInRange('\uD800', '\uFFFF');
        return cut < 0 ? key : key[..cut] + "\uD7FF";
    }
}
