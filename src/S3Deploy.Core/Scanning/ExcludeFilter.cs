namespace S3Deploy.Core.Scanning;

/// <summary>
/// Keys no deploy touches: never uploaded from the folder and never deleted from the bucket. As in .gitignore, a glob
/// that matches a folder covers everything below it (<c>uploads</c> protects <c>uploads/a.png</c> and <c>media/uploads/b.png</c>).
/// </summary>
internal sealed class ExcludeFilter(IReadOnlyList<Glob> globs)
{
    public static readonly ExcludeFilter None = new([]);

    public IReadOnlyList<Glob> Globs { get; } = globs;

    /// <summary>A folder's key ends with '/', so folder-only patterns (<c>drafts/</c>) can tell it from a file.</summary>
    public bool IsExcluded(string relativeKey) => Globs.Any(g => g.Covers(relativeKey));

    public static ExcludeFilter Parse(IEnumerable<string> patterns) => new(patterns.Select(Glob.Parse).ToList());
}
