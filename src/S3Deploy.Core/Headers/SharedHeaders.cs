using System.Collections.Concurrent;

namespace S3Deploy.Core.Headers;

/// <summary>
/// One instance per distinct set of headers: a site of a million files has a handful of them, so the files share a few
/// objects (and their fingerprints) instead of holding one copy each. Metadata counts by content, not by reference.
/// </summary>
internal sealed class SharedHeaders
{
    private readonly ConcurrentDictionary<ObjectHeaders, ObjectHeaders> known = new(ByContent.Instance);

    public ObjectHeaders Share(ObjectHeaders headers) => known.GetOrAdd(headers, headers);

    private sealed class ByContent : IEqualityComparer<ObjectHeaders>
    {
        public static readonly ByContent Instance = new();

        public bool Equals(ObjectHeaders? x, ObjectHeaders? y) =>
            ReferenceEquals(x, y)
            || (x is not null && y is not null && x == y with { Metadata = x.Metadata } && SameMetadata(x.UserMetadata, y.UserMetadata));

        public int GetHashCode(ObjectHeaders h) =>
            HashCode.Combine(h.ContentType, h.CacheControl, h.ContentEncoding, h.ContentDisposition, h.RedirectLocation, h.UserMetadata.Count);

        private static bool SameMetadata(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
            a.Count == b.Count && a.All(m => b.TryGetValue(m.Key, out var value) && value == m.Value);
    }
}
