using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace S3Deploy.Cli.Usage;

/// <summary>
/// The parser's errors in the tool's own words: a suggestion for a mistyped option or command, the expected range instead
/// of a .NET type name, and one error (not two) for an unknown option followed by its value.
/// </summary>
internal static partial class ParseErrors
{
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["--concurrency"] = $"a whole number from 1 to {Core.DeployOptions.MaxConcurrency}",
        ["--max-deletes"] = "a whole number, 0 or more",
        ["--max-invalidation-paths"] = "a whole number, 1 or more",
    };

    public static IReadOnlyList<string> Describe(ParseResult parse, IReadOnlyList<string> args)
    {
        if (parse.CommandResult.Command is RootCommand root)
        {
            // Without a known command the rest of the line cannot be read: say only what the first word should have been.
            return args.FirstOrDefault(a => !a.StartsWith('-')) is { } word
                ? [$"Unknown command '{word}'.{Suggest(word, root.Subcommands.Select(c => c.Name))} The commands are deploy and plan."]
                : ["Say which command to run: s3deploy deploy SOURCE TARGET, or s3deploy plan SOURCE TARGET."];
        }

        var unmatched = parse.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        var valuesOfUnknownOptions = ValuesOfUnknownOptions(args, unmatched);
        var messages = new List<string>();
        foreach (var error in parse.Errors)
        {
            var message = Unrecognized().Match(error.Message) is { Success: true } m
                ? UnknownToken(parse, m.Groups[1].Value, valuesOfUnknownOptions)
                : Reword(error.Message);
            if (message is not null && !messages.Contains(message, StringComparer.Ordinal))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    private static string? UnknownToken(ParseResult parse, string token, HashSet<string> valuesOfUnknownOptions)
    {
        var command = parse.CommandResult.Command;
        if (token.StartsWith('-'))
        {
            var name = token.Split('=', 2)[0];
            if (name == "--dry-run" && command.Name == "plan")
            {
                return "plan never changes anything, so it has no --dry-run (that is 'deploy --dry-run').";
            }

            var options = command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive))
                .SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct(StringComparer.Ordinal);
            return $"Unknown option '{name}'.{Suggest(name, options)}";
        }

        if (valuesOfUnknownOptions.Contains(token))
        {
            return null;
        }

        return command.Parents.Any()
            ? $"Unexpected argument '{token}': {command.Name} takes only SOURCE and TARGET (put options before or after them)."
            : $"Unknown command '{token}'.{Suggest(token, command.Subcommands.Select(c => c.Name))}";
    }

    /// <summary>A plain word right after an unknown option is most likely its value, not a second mistake.</summary>
    private static HashSet<string> ValuesOfUnknownOptions(IReadOnlyList<string> args, HashSet<string> unmatched)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i].StartsWith('-') && !args[i].Contains('=', StringComparison.Ordinal) && unmatched.Contains(args[i]) && !args[i + 1].StartsWith('-') && unmatched.Contains(args[i + 1]))
            {
                values.Add(args[i + 1]);
            }
        }

        return values;
    }

    private static string Reword(string message)
    {
        if (CannotParse().Match(message) is { Success: true } parse)
        {
            var (value, option, type) = (parse.Groups[1].Value, parse.Groups[2].Value, parse.Groups[3].Value);
            if (value.StartsWith("--", StringComparison.Ordinal))
            {
                // The parser took the next option as this one's value: the value is missing, the next option is fine.
                return MissingValueOf(option);
            }

            var expected = Expected.TryGetValue(option, out var e) ? e : type.Contains("Int", StringComparison.Ordinal) ? "a whole number" : "a valid value";
            return $"{option} needs {expected}, not '{value}'.";
        }

        return MissingValue().Match(message) is { Success: true } missing ? MissingValueOf(missing.Groups[1].Value) : message;
    }

    /// <summary>The one option every error is about (a value it could not read or did not get), else null: --json's error.option.</summary>
    public static string? OptionOf(ParseResult parse) =>
        parse.Errors.Select(e => e.SymbolResult switch
        {
            OptionResult o => o.Option.Name,
            ArgumentResult { Parent: OptionResult o } => o.Option.Name,
            _ => null,
        }).Distinct().ToList() is [{ } option] ? option : null;

    public static string MissingValueOf(string option) =>
        Expected.TryGetValue(option, out var e) ? $"{option} needs a value: {e}." : $"{option} needs a value.";

    private static string Suggest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(Bare(typed), Bare(c))))
            .Where(c => c.Distance <= Math.Max(2, Bare(c.Name).Length / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
        return best is null ? "" : $" Did you mean '{best}'?";
    }

    private static string Bare(string name) => name.TrimStart('-').ToLowerInvariant();

    /// <summary>Optimal string alignment distance: a swapped pair of letters counts as one typo.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*?)'\.")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Required argument missing for option: '(.*)'\.$")]
    private static partial Regex MissingValue();
}
