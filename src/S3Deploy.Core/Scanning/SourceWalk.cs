using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

/// <summary>The state of one listing of the source: what was found, what was said, and the folders above the current one.</summary>
internal sealed class SourceWalk(string realRoot)
{
    public string RealRoot { get; } = realRoot;

    /// <summary>The root and a separator: the folder part every file directly under the root's tree shares.</summary>
    public string RootSlash { get; } = realRoot + Path.DirectorySeparatorChar;

    public List<(string Key, FilePath Path)> Found { get; } = [];

    public List<Diagnostic> Warnings { get; } = [];

    public HashSet<string> Ancestors { get; } = [realRoot];

    public void Warn(string code, string message) => Warnings.Add(Diagnostic.Warning(code, message));

    public void WarnIf(bool condition, string code, string message)
    {
        if (condition)
        {
            Warn(code, message);
        }
    }
}
