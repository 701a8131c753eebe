using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text.RegularExpressions;

namespace S3Deploy.Cli.Usage;

/// <summary>What --help adds to the option list: examples, exit codes, and where credentials and the region come from.</summary>
internal static partial class HelpText
{
    public const string Epilogue = """
        Examples:
          s3deploy plan ./dist s3://my-bucket/site                   show what a deploy would change
          s3deploy deploy ./dist s3://my-bucket/site --region eu-west-1
          s3deploy deploy ./dist s3://my-bucket --website --public   host the bucket as a public website
          s3deploy deploy ./dist s3://my-bucket --cloudfront E2EXAMPLE123 --json
          s3deploy deploy                                            SOURCE and TARGET from ./s3deploy.json

        Credentials and region:
          The AWS SDK's default chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, --profile <NAME> or AWS_PROFILE
          (including SSO: aws sso login), web identity (GitHub OIDC), container and instance roles.
          The region comes from --region, AWS_REGION, or the profile's region. Keys are never printed.

        Exit codes:
          0 success   1 the deploy failed (run again to finish)   2 usage or configuration error
          3 refused by a safety guard (nothing changed)   130 cancelled

        """;

    /// <summary>Adds the epilogue to every command's help.</summary>
    public static void Extend(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is SynchronousCommandLineAction standard)
        {
            help.Action = new WithEpilogue(standard);
        }
    }

    private sealed class WithEpilogue(SynchronousCommandLineAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var configuration = parseResult.InvocationConfiguration;
            var output = configuration.Output;
            using var text = new StringWriter();
            configuration.Output = text;
            int code;
            try
            {
                code = standard.Invoke(parseResult);
            }
            finally
            {
                configuration.Output = output;
            }

            output.Write(SameArguments(text.ToString()));
            output.Write(Epilogue.ReplaceLineEndings(Environment.NewLine));
            return code;
        }
    }

    /// <summary>The command list says "deploy &lt;SOURCE&gt; &lt;TARGET&gt;" where the command's own usage says both are optional.</summary>
    private static string SameArguments(string help)
    {
        var rows = CommandRow().Matches(help);
        if (rows.Count == 0)
        {
            return help;
        }

        var width = rows.Max(r => r.Groups["name"].Length + Optional.Length + 1) + 2;
        return CommandRow().Replace(help, r => $"  {(r.Groups["name"].Value + " " + Optional).PadRight(width)}{r.Groups["text"].Value}");
    }

    private const string Optional = "[<SOURCE> [<TARGET>]]";

    [GeneratedRegex(@"^  (?<name>[a-z]+) <SOURCE> <TARGET>\s+(?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex CommandRow();
}
