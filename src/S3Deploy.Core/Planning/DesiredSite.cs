using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Core.Planning;

/// <summary>Turns scanned files, precompressed siblings and configured redirects into the objects the bucket should hold.</summary>
internal static class DesiredSite
{
    private const string EmptyMd5 = "d41d8cd98f00b204e9800998ecf8427e";

    public static IReadOnlyList<DesiredObject> Build(
        IReadOnlyList<LocalFile> files,
        HeaderPolicy policy,
        Compression precompressed,
        IReadOnlyDictionary<string, string> redirects,
        bool negotiate = false)
    {
        var byKey = files.ToDictionary(f => f.RelativeKey, StringComparer.Ordinal);
        var siblings = precompressed == Compression.None && !negotiate
            ? []
            : files.Where(f => IsSibling(f.RelativeKey, byKey)).Select(f => f.RelativeKey).ToHashSet(StringComparer.Ordinal);
        var desired = new List<DesiredObject>(files.Count + redirects.Count);
        foreach (var file in files.Where(f => !siblings.Contains(f.RelativeKey)))
        {
            // dotnet publish writes X.br and X.gz beside X: send the encoded bytes under X's name, with X's type.
            var (source, encoding) = precompressed != Compression.None && byKey.TryGetValue(file.RelativeKey + Encodings.Suffix(precompressed), out var encoded)
                ? (encoded with { RelativeKey = file.RelativeKey }, precompressed)
                : (file, Compression.None);
            desired.Add(DesiredObject.From(source, policy.Describe(source, encoding)));
        }

        if (negotiate)
        {
            // CloudFront hosting picks X.br or X.gz per viewer: each keeps its own key, with X's type and its own encoding.
            foreach (var sibling in files.Where(f => siblings.Contains(f.RelativeKey)))
            {
                var encoding = sibling.RelativeKey.EndsWith(".br", StringComparison.Ordinal) ? Compression.Brotli : Compression.Gzip;
                desired.Add(DesiredObject.From(sibling, policy.Describe(sibling with { RelativeKey = sibling.RelativeKey[..^3] }, encoding)));
            }
        }

        var redirectKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in redirects)
        {
            var key = RedirectKey(from);
            if (!redirectKeys.TryAdd(key, from))
            {
                throw DeployException.Usage(DiagnosticCode.BadRedirect, $"Redirects '{redirectKeys[key]}' and '{from}' both become the object '{key}'. Keep one.");
            }

            if (byKey.ContainsKey(key) && !siblings.Contains(key))
            {
                throw DeployException.Usage(DiagnosticCode.BadRedirect, $"Redirect '{from}' would replace the file '{key}' of the source folder. Remove the file or the redirect.");
            }

            desired.Add(DesiredObject.From(new LocalFile(key, "", 0, EmptyMd5), policy.DescribeRedirect(to)));
        }

        return desired;
    }

    /// <summary>The object that answers a path: '/old/page.html' is 'old/page.html', '/docs/' is 'docs/index.html'.</summary>
    public static string RedirectKey(string path)
    {
        var key = path.TrimStart('/');
        return key.Length == 0 || key.EndsWith('/') ? key + "index.html" : key;
    }

    private static bool IsSibling(string key, Dictionary<string, LocalFile> byKey) =>
        (key.EndsWith(".br", StringComparison.Ordinal) || key.EndsWith(".gz", StringComparison.Ordinal)) && byKey.ContainsKey(key[..^3]);
}
