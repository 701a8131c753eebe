using System.Text;
using System.Text.RegularExpressions;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core;

/// <summary>
/// A path glob over keys relative to the target prefix. Like .gitignore, a pattern without a slash matches a
/// name at any depth (<c>*.map</c>); with a slash it is anchored (<c>docs/*.html</c>); a trailing slash means the whole folder.
/// </summary>
public sealed class Glob
{
    private readonly Regex regex;

    private Glob(string pattern, Regex regex)
    {
        Pattern = pattern;
        this.regex = regex;
    }

    public string Pattern { get; }

    public bool IsMatch(string relativeKey) => regex.IsMatch(relativeKey);

    public override string ToString() => Pattern;

    public static Glob Parse(string pattern)
    {
        var body = pattern.Trim();
        if (body.Length == 0)
        {
            throw Bad(pattern, "it is empty");
        }

        var anchored = body.TrimEnd('/').Contains('/', StringComparison.Ordinal);
        if (body.EndsWith('/'))
        {
            body += "**";
        }

        body = body.TrimStart('/');
        var sb = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        Translate(pattern, body, sb);
        sb.Append('$');
        return new Glob(pattern, new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline));
    }

    private static void Translate(string pattern, string body, StringBuilder sb)
    {
        var braces = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            switch (c)
            {
                case '*' when i + 1 < body.Length && body[i + 1] == '*':
                    var atStart = i == 0 || body[i - 1] == '/';
                    var slashAfter = i + 2 < body.Length && body[i + 2] == '/';
                    var atEnd = i + 2 == body.Length;
                    if (atStart && slashAfter)
                    {
                        sb.Append("(?:.*/)?");
                        i += 2;
                    }
                    else if (atStart && atEnd)
                    {
                        sb.Append(".*");
                        i += 1;
                    }
                    else
                    {
                        throw Bad(pattern, "'**' must stand alone as a path segment, as in 'a/**/b' or 'a/**'");
                    }

                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = body.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        throw Bad(pattern, "'[' has no closing ']'");
                    }

                    var set = body[(i + 1)..close];
                    if (set.Length == 0)
                    {
                        throw Bad(pattern, "'[]' is an empty character class");
                    }

                    var negate = set[0] == '!';
                    sb.Append(negate ? "[^/" : "[").Append(Regex.Escape(negate ? set[1..] : set).Replace("\\-", "-", StringComparison.Ordinal)).Append(']');
                    i = close;
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

    private static DeployException Bad(string pattern, string why) =>
        DeployException.Usage(DiagnosticCode.BadGlob, $"Glob '{pattern}' is not valid: {why}.");
}
