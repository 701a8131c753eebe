namespace S3Deploy.Core.Scanning;

/// <summary>
/// realpath(3) in managed code: every symbolic link in every component and every '..' resolved, so a chain such as
/// <c>pw.txt -> etc/passwd</c> with <c>etc -> /etc</c> ends at <c>/etc/passwd</c>, where containment can be judged.
/// </summary>
internal static class RealPaths
{
    /// <summary>The limit Linux itself puts on links followed while resolving one path (MAXSYMLINKS).</summary>
    private const int MaxLinks = 40;

    /// <summary>The real path of <paramref name="name"/> inside a folder whose path is already real.</summary>
    /// <exception cref="LinkLoopException">More links than the kernel would follow: a loop.</exception>
    public static string Resolve(string realFolder, string name) => Walk(realFolder, [name]);

    public static string Resolve(string path)
    {
        // Not Path.GetFullPath: it folds '..' by text, which is wrong after a link (a/link/.. is not a).
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        var root = Path.GetPathRoot(full) ?? "";
        return Walk(root, Split(full[root.Length..]));
    }

    private static string Walk(string start, IEnumerable<string> components)
    {
        var pending = new Stack<string>(components.Reverse());
        var current = start;
        var links = 0;
        while (pending.TryPop(out var name))
        {
            if (name is "" or ".")
            {
                continue;
            }

            if (name == "..")
            {
                // current has no links in it, so its lexical parent is its real parent.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, name);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new LinkLoopException(next);
            }

            if (Path.GetPathRoot(target) is { Length: > 0 } root)
            {
                current = root;
                target = target[root.Length..];
            }

            foreach (var part in Split(target).Reverse())
            {
                pending.Push(part);
            }
        }

        return current;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // A component that is missing or not a folder: the caller finds nothing there.
            return null;
        }
    }

    public static bool IsInside(string realPath, string realRoot)
    {
        var folder = Path.EndsInDirectorySeparator(realRoot) ? realRoot : realRoot + Path.DirectorySeparatorChar;
        return realPath.StartsWith(folder, StringComparison.Ordinal);
    }

    private static string[] Split(string path) => path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
}
