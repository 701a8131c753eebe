using S3Deploy.Core.Diagnostics;
using Spectre.Console;

namespace S3Deploy.Cli.Output;

/// <summary>What a second Ctrl+C or SIGTERM leaves: a visible cursor, and one line saying which cleanup was skipped.</summary>
internal static class ForcedStop
{
    private const string Message = "Cancelled again: stopped at once, without aborting open multipart uploads or saving the deploy manifest. Run the same command again to finish the deploy.";

    public static void Report(TextWriter stderr, bool interactive, CiLog? ci = null)
    {
        if (interactive)
        {
            AnsiConsole.Cursor.Show();
        }

        if (ci is null)
        {
            stderr.WriteLine($"error {DiagnosticCode.Cancelled}: {Message}");
            stderr.Flush();
        }
        else
        {
            ci.Failed(DiagnosticCode.Cancelled, Message);
        }
    }
}
