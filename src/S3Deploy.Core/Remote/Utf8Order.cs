namespace S3Deploy.Core.Remote;

/// <summary>
/// S3 lists keys in UTF-8 binary order, which is Unicode code point order. UTF-16 ordinal order differs where a surrogate
/// pair (U+10000 and up, emoji) meets U+E000–U+FFFF: the pair's D800–DFFF units sort below E000 in UTF-16 but above in UTF-8.
/// </summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static readonly Utf8Order Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Rank(x[i]) - Rank(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    /// <summary>Moves surrogates above the rest of the BMP so that units compare as their code points do.</summary>
    private static int Rank(char c) => c >= '\uE000' ? c - 0x800 : c >= '\uD800' ? c + 0x2000 : c;
}
