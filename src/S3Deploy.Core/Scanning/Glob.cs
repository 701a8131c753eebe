using System.Text;
using System.Text.RegularExpressions;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Scanning;

/// <summary>
/// A path glob over keys relative to the target prefix, read as in .gitignore: a pattern without a slash (other than a
/// trailing one) matches a name at any depth (<c>*.map</c>); a leading or middle slash anchors it (<c>/robots.txt</c>,
/// <c>docs/*.html</c>); a trailing slash matches folders only. <see cref="IsMatch"/> asks whether a file's key matches
/// (header rules); <see cref="Covers"/> also counts a matching folder above the key, as .gitignore does (excludes).
/// Both compile to a regex matched without backtracking, so time grows with pattern × key, never exponentially.
/// </summary>
public sealed class Glob
{
    private readonly Regex file;
    private readonly Regex covered;

    private Glob(string pattern, Regex file, Regex covered)
    {
        Pattern = pattern;
        this.file = file;
        this.covered = covered;
    }

    public string Pattern { get; }

    internal RegexOptions Options => file.Options & covered.Options;

    /// <summary>The key itself matches; a folder pattern (<c>drafts/</c>) matches every key below the folder.</summary>
    public bool IsMatch(string relativeKey) => file.IsMatch(relativeKey);

    /// <summary>The key or one of the folders above it matches: <c>uploads</c> covers <c>media/uploads/a.png</c>. A folder's own key ends with '/'.</summary>
    public bool Covers(string relativeKey) => covered.IsMatch(relativeKey);

    public override string ToString() => Pattern;

    public static Glob Parse(string pattern) => Parse(pattern, Regex.InfiniteMatchTimeout);

    /// <summary>Tests pass a timeout to prove a match finishes; it never fires for a linear-time match.</summary>
    internal static Glob Parse(string pattern, TimeSpan matchTimeout)
    {
        var body = pattern.Trim();
        if (body.Length == 0)
        {
            throw Bad(pattern, "it is empty");
        }

        var folderOnly = body.EndsWith('/');
        body = body.TrimEnd('/');
        var anchored = body.Contains('/', StringComparison.Ordinal);
        body = body.TrimStart('/');
        if (body.Length == 0)
        {
            // "/" alone: the whole tree.
            body = "**";
        }

        var sb = new StringBuilder();
        Translate(pattern, body, sb);
        var start = anchored ? "^" : "^(?:.*/)?";
        var name = sb.ToString();
        var fileRegex = folderOnly ? $"{start}{name}/.*$" : $"{start}{name}$";
        var coveredRegex = folderOnly ? $"{start}{name}/.*$" : $"{start}{name}(?:/.*)?$";
        return new Glob(pattern, Compile(fileRegex, matchTimeout), Compile(coveredRegex, matchTimeout));
    }

    private static Regex Compile(string regex, TimeSpan matchTimeout) =>
        new(regex, RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking, matchTimeout);

    private static void Translate(string pattern, string body, StringBuilder sb)
    {
        var braces = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            switch (c)
            {
                case '\\' when i + 1 < body.Length:
                    sb.Append(Regex.Escape(body[++i].ToString()));
                    break;
                case '*' when i + 1 < body.Length && body[i + 1] == '*':
                    i = DoubleStar(pattern, body, i, sb);
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    i = Bracket(pattern, body, i, sb);
                    break;
                case '{':
                    braces++;
                    sb.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    sb.Append(')');
                    break;
                case ',' when braces > 0:
                    sb.Append('|');
                    break;
                case '}':
                    throw Bad(pattern, "'}' has no opening '{'");
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braces > 0)
        {
            throw Bad(pattern, "'{' has no closing '}'");
        }
    }

    /// <summary>'**/' is zero or more folders, a final '**' everything below; returns the index of the last character used.</summary>
    private static int DoubleStar(string pattern, string body, int i, StringBuilder sb)
    {
        var atStart = i == 0 || body[i - 1] == '/';
        var slashAfter = i + 2 < body.Length && body[i + 2] == '/';
        var atEnd = i + 2 == body.Length;
        if (atStart && slashAfter)
        {
            sb.Append("(?:.*/)?");
            return i + 2;
        }

        if (atStart && atEnd)
        {
            sb.Append(".*");
            return i + 1;
        }

        throw Bad(pattern, "'**' must stand alone as a path segment, as in 'a/**/b' or 'a/**'");
    }

    /// <summary>[abc], [a-z], [!a] or [^a]: one character, never '/'; returns the index of the closing ']'.</summary>
    private static int Bracket(string pattern, string body, int i, StringBuilder sb)
    {
        var close = body.IndexOf(']', i + 1);
        if (close < 0)
        {
            throw Bad(pattern, "'[' has no closing ']'");
        }

        var set = body[(i + 1)..close];
        var negate = set.Length > 0 && set[0] is '!' or '^';
        var members = negate ? set[1..] : set;
        if (members.Length == 0)
        {
            throw Bad(pattern, $"'[{set}]' is an empty character class");
        }

        var escaped = string.Concat(members.Select(m => m is '-' ? "-" : m is '\\' or ']' or '[' or '^' ? "\\" + m : m.ToString()));
        sb.Append(negate ? $"[^/{escaped}]" : $"[{escaped}-[/]]");
        return close;
    }

    private static DeployException Bad(string pattern, string why) =>
        DeployException.Usage(DiagnosticCode.BadGlob, $"Glob '{pattern}' is not valid: {why}.");
}
