using System.Globalization;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

/// <summary>
/// Deploy-time values: each file "substitute" names is copied, with its placeholders replaced, to a temporary file that the
/// listing then points at, so the scan hashes, the plan compares and the upload sends the substituted bytes (the hash cache
/// never sees the original). Runs before anything is contacted: an unresolved placeholder stops the deploy here.
/// </summary>
internal sealed class SubstitutedFiles : IDisposable
{
    public const string EnvironmentPrefix = "S3DEPLOY_VAR_";

    private readonly string? folder;

    private SubstitutedFiles(SourceListing listing, string? folder)
    {
        Listing = listing;
        this.folder = folder;
    }

    public SourceListing Listing { get; }

    /// <param name="values">"values" of s3deploy.json (top level and target).</param>
    /// <param name="environment">Reads S3DEPLOY_VAR_NAME, which wins over <paramref name="values"/>.</param>
    public static SubstitutedFiles Write(SourceListing listing, IReadOnlyList<string> globs, IReadOnlyDictionary<string, string> values, Func<string, string?> environment)
    {
        if (globs.Count == 0)
        {
            return new SubstitutedFiles(listing, null);
        }

        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pattern in globs)
        {
            var glob = Glob.Parse(pattern);
            var matched = listing.Files.Where(f => glob.IsMatch(f.Key)).ToList();
            if (matched.Count == 0)
            {
                throw DeployException.Usage(DiagnosticCode.SubstituteMatchesNothing, $"\"substitute\": '{pattern}' matches no file of the source folder, so its placeholders would ship unreplaced. Fix the glob (it is relative to the source folder); nothing was contacted.");
            }

            foreach (var (key, path) in matched)
            {
                chosen[key] = path.Full;
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "s3deploy-values-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var copies = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, path) in chosen)
            {
                var copy = Path.Combine(folder, copies.Count.ToString(CultureInfo.InvariantCulture));
                File.WriteAllBytes(copy, Placeholders.Replace(File.ReadAllBytes(path), key, name => environment(EnvironmentPrefix + name) ?? values.GetValueOrDefault(name)));
                copies[key] = copy;
            }

            // X.br and X.gz beside X hold X's original bytes: shipping them (or X as them, with --precompressed) would undo the values.
            var files = listing.Files
                .Where(f => !(f.Key.Length > 3 && f.Key[^3..] is ".br" or ".gz" && copies.ContainsKey(f.Key[..^3])))
                .Select(f => copies.TryGetValue(f.Key, out var copy) ? (f.Key, new FilePath(copy)) : f)
                .ToList();
            return new SubstitutedFiles(listing with { Files = files }, folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
