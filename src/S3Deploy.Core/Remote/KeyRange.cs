namespace S3Deploy.Core.Remote;

/// <summary>
/// The full keys listed after <see cref="After"/> up to and including <see cref="Through"/>, in S3's UTF-8 order; null
/// means the start or the end of the listing. A key equal to a boundary belongs to the range that ends there.
/// </summary>
internal sealed record KeyRange(string? After, string? Through)
{
    public static readonly KeyRange All = new(null, null);

    public bool IsPast(string key) => Through is not null && Utf8Order.Instance.Compare(key, Through) > 0;
}
