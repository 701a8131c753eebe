using System.Text;

namespace S3Deploy.Core.CloudFront;

/// <summary>
/// Turns the S3 keys a deploy changed or deleted into CloudFront invalidation paths: the exact paths while they fit the budget,
/// otherwise directory wildcards (<c>/dir/*</c>), as deep as the budget allows.
/// </summary>
/// <remarks>
/// <para>Guarantee: every exact path a key stands for (its URL, and for an index document also its directory with and without the
/// trailing slash) is matched by at least one returned path, with CloudFront's semantics: a path ending in <c>*</c> matches every path
/// that starts with the text before the <c>*</c> (any suffix, '/' included, the empty one too), any other path matches only itself.
/// Note that <c>/docs/*</c> matches <c>/docs/</c> but not <c>/docs</c>: that form belongs to the parent directory.</para>
/// <para>The result is sorted (ordinal), distinct, has at most <c>maxPaths</c> entries of which at most <see cref="MaxWildcards"/> are
/// wildcards, every path starts with '/', has '*' only as its last character and is at most 4,000 characters long. The same set
/// of keys gives the same result in any order.</para>
/// <para>Algorithm: (1) map and encode the keys; a path over 4,000 characters becomes the nearest ancestor wildcard that fits.
/// (2) If that fits the budget, done. (3) Otherwise collapse level by level from the deepest directory up: at each level the
/// directories holding two or more entries are replaced by their wildcard, largest group first (ties: ordinal), until the path
/// count fits; then, if there are still too many wildcards, the groups at that level holding the most wildcards, until those fit.
/// The root level ends in <c>/*</c> at worst, which always fits. (4) Give back precision: undo collapses, shallowest wildcard first
/// (then the one restoring fewest entries, then ordinal), whenever what it replaced still fits the budget.</para>
/// </remarks>
internal static class InvalidationPaths
{
    /// <summary>Keeps a daily deploy inside CloudFront's 1,000 free paths a month.</summary>
    public const int DefaultMaxPaths = 25;

    /// <summary>CloudFront allows 15 wildcard paths in progress at once.</summary>
    public const int MaxWildcards = 15;

    /// <summary>CloudFront's limit on the length of one path.</summary>
    public const int MaxPathLength = 4000;

    /// <summary>CloudFront allows 3,000 file paths in progress per distribution, so a larger budget could never be sent.</summary>
    private const int MaxPathsInProgress = 3000;

    /// <summary>
    /// ASCII characters written as %XX. RFC 1738 §2.2: the control characters 00-1F and 7F, and the unsafe characters space,
    /// <c>" # % &lt; &gt; { } | \ ^ ~ [ ]</c> and backtick; CloudFront asks for these (and non-ASCII) to be encoded and nothing else.
    /// Two additions: <c>*</c> because unencoded it is the wildcard, and <c>?</c> because unencoded CloudFront reads it as the start
    /// of a query string, while a viewer can only reach a key containing '?' by sending %3F. Everything else, <c>+ ; = &amp; : @ $ ,</c>
    /// included, is sent as is.
    /// </summary>
    private const string EncodedAscii = " \"#%<>{}|\\^~[]`*?";

    private const string Hex = "0123456789ABCDEF";

    /// <param name="keys">Full S3 object keys (bucket-relative, i.e. including any deploy prefix) whose bytes or headers changed or that were deleted.</param>
    /// <param name="originPath">The distribution origin's OriginPath ("" or "/site"), which CloudFront prepends to request paths.</param>
    /// <param name="indexDocument">The name served for a directory ("index.html"); empty for none.</param>
    /// <param name="maxPaths">The most paths to return; see <see cref="DefaultMaxPaths"/>.</param>
    public static IReadOnlyList<string> For(IEnumerable<string> keys, string originPath, string indexDocument, int maxPaths)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPaths, 1);
        maxPaths = Math.Min(maxPaths, MaxPathsInProgress);

        var entries = Initial(ExactPaths(keys, originPath ?? "", indexDocument ?? ""));
        var replaced = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Collapse(entries, replaced, maxPaths);
        Expand(entries, replaced, maxPaths);
        return [.. entries];
    }

    private static HashSet<string> ExactPaths(IEnumerable<string> keys, string originPath, string indexDocument)
    {
        var origin = originPath.Trim('/');
        var prefix = origin.Length == 0 ? "" : origin + "/";
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (string.IsNullOrEmpty(key) || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = key[prefix.Length..];
            paths.Add(Encode(relative));
            if (indexDocument.Length > 0 && (relative == indexDocument || relative.EndsWith("/" + indexDocument, StringComparison.Ordinal)))
            {
                var directory = relative[..^indexDocument.Length];
                paths.Add(Encode(directory));
                if (directory.Length > 0)
                {
                    paths.Add(Encode(directory[..^1]));
                }
            }
        }

        return paths;
    }

    private static string Encode(string relative)
    {
        var sb = new StringBuilder(relative.Length + 1).Append('/');
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in relative.EnumerateRunes())
        {
            if (rune.IsAscii && rune.Value > 0x20 && rune.Value < 0x7F && !EncodedAscii.Contains((char)rune.Value, StringComparison.Ordinal))
            {
                sb.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return sb.ToString();
    }

    /// <summary>The exact paths, with any path too long for CloudFront replaced by the nearest ancestor wildcard that fits.</summary>
    private static SortedSet<string> Initial(HashSet<string> exact)
    {
        var wildcards = exact.Where(p => p.Length > MaxPathLength).Select(FittingWildcard).ToHashSet(StringComparer.Ordinal);
        var entries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in exact.Where(p => p.Length <= MaxPathLength).Concat(wildcards))
        {
            if (wildcards.Count == 0 || !IsCoveredByAnother(path, wildcards))
            {
                entries.Add(path);
            }
        }

        return entries;
    }

    private static string FittingWildcard(string path)
    {
        var directory = DirectoryOf(path);
        while (directory.Length + 1 > MaxPathLength)
        {
            directory = DirectoryOf(directory[..^1]);
        }

        return directory + "*";
    }

    private static bool IsCoveredByAnother(string path, HashSet<string> wildcards)
    {
        for (var i = path.IndexOf('/', StringComparison.Ordinal); i >= 0; i = path.IndexOf('/', i + 1))
        {
            var wildcard = path[..(i + 1)] + "*";
            if (wildcard != path && wildcards.Contains(wildcard))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Deepest level first. Directories at one level are disjoint, so collapsing one never changes another's gain: one sort per
    /// level and per goal (too many paths, then too many wildcards) is enough. Each replaced group is kept for <see cref="Expand"/>.
    /// </summary>
    private static void Collapse(SortedSet<string> entries, Dictionary<string, List<string>> replaced, int maxPaths)
    {
        var wildcards = entries.Count(IsWildcard);
        bool Fits() => entries.Count <= maxPaths && wildcards <= MaxWildcards;

        for (var level = entries.Count == 0 ? 0 : entries.Max(Depth); level >= 1 && !Fits(); level--)
        {
            var groups = entries.Where(e => Depth(e) >= level)
                .GroupBy(e => AncestorAt(e, level), StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .Select(g => (Directory: g.Key, Members: g.ToList()))
                .ToList();

            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (directory, members) in groups.OrderByDescending(g => g.Members.Count).ThenBy(g => g.Directory, StringComparer.Ordinal))
            {
                if (entries.Count <= maxPaths)
                {
                    break;
                }

                Replace(directory, members);
                done.Add(directory);
            }

            var byWildcards = groups.Where(g => !done.Contains(g.Directory))
                .Select(g => (g.Directory, g.Members, Wildcards: g.Members.Count(IsWildcard)))
                .Where(g => g.Wildcards > 1)
                .OrderByDescending(g => g.Wildcards).ThenBy(g => g.Directory, StringComparer.Ordinal)
                .ToList();
            foreach (var (directory, members, _) in byWildcards)
            {
                if (wildcards <= MaxWildcards)
                {
                    break;
                }

                Replace(directory, members);
            }
        }

        void Replace(string directory, List<string> members)
        {
            var wildcard = directory + "*";
            entries.ExceptWith(members);
            entries.Add(wildcard);
            wildcards += 1 - members.Count(IsWildcard);
            replaced[wildcard] = members;
        }
    }

    /// <summary>
    /// Collapsing works a level at a time, so it can go further than needed (a deep group collapsed before a big shallow one that
    /// alone would have been enough). Undo what still fits, shallowest wildcard first as it covers the most unchanged content.
    /// Every undo adds at least one entry (a group had two or more), so this ends after at most <c>maxPaths</c> rounds.
    /// </summary>
    private static void Expand(SortedSet<string> entries, Dictionary<string, List<string>> replaced, int maxPaths)
    {
        var wildcards = entries.Count(IsWildcard);
        while (true)
        {
            var undo = entries.Where(replaced.ContainsKey)
                .Select(w => (Wildcard: w, Members: replaced[w], Wildcards: wildcards - 1 + replaced[w].Count(IsWildcard)))
                .Where(u => entries.Count - 1 + u.Members.Count <= maxPaths && u.Wildcards <= MaxWildcards)
                .OrderBy(u => Depth(u.Wildcard)).ThenBy(u => u.Members.Count).ThenBy(u => u.Wildcard, StringComparer.Ordinal)
                .FirstOrDefault();
            if (undo.Wildcard is null)
            {
                return;
            }

            entries.Remove(undo.Wildcard);
            entries.UnionWith(undo.Members);
            replaced.Remove(undo.Wildcard);
            wildcards = undo.Wildcards;
        }
    }

    private static bool IsWildcard(string path) => path.EndsWith('*');

    /// <summary>Up to and including the last '/': "/a/b.css" and "/a/*" are in "/a/", "/a/" in itself, "/a" in "/".</summary>
    private static string DirectoryOf(string path) => path[..(path.LastIndexOf('/') + 1)];

    /// <summary>The number of '/' in the path, which is the depth of its directory ("/" is 1).</summary>
    private static int Depth(string path) => path.AsSpan().Count('/');

    /// <summary>The directory <paramref name="level"/> deep containing the path: its prefix up to the level-th '/'.</summary>
    private static string AncestorAt(string path, int level)
    {
        var end = -1;
        for (var i = 0; i < level; i++)
        {
            end = path.IndexOf('/', end + 1);
        }

        return path[..(end + 1)];
    }
}
