using System.Text;

namespace S3Deploy.Core.Reporting;

/// <summary>What goes into the file GITHUB_OUTPUT names: name=value, or the heredoc form for values with line breaks.</summary>
public static class GitHubOutputFile
{
    public static string Format(IEnumerable<KeyValuePair<string, string>> outputs, Func<string> newDelimiter)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                var delimiter = newDelimiter();
                text.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
            }
            else
            {
                text.Append(name).Append('=').Append(value).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string NewDelimiter() => "ghadelimiter_" + Guid.NewGuid().ToString("D");
}
