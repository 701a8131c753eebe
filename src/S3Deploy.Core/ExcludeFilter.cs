namespace S3Deploy.Core;

/// <summary>Keys no deploy touches: never uploaded from the folder and never deleted from the bucket.</summary>
public sealed class ExcludeFilter(IReadOnlyList<Glob> globs)
{
    public static readonly ExcludeFilter None = new([]);

    public IReadOnlyList<Glob> Globs { get; } = globs;

    public bool IsExcluded(string relativeKey) => Globs.Any(g => g.IsMatch(relativeKey));

    public static ExcludeFilter Parse(IEnumerable<string> patterns) => new(patterns.Select(Glob.Parse).ToList());
}
