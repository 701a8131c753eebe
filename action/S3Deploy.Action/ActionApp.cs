using System.Text;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Reporting;

namespace S3Deploy.Action;

/// <summary>The container action's entrypoint: inputs from INPUT_*, outputs to GITHUB_OUTPUT, a summary to GITHUB_STEP_SUMMARY.</summary>
internal static class ActionApp
{
    public static async Task<int> RunAsync(Func<string, string?> environment, TextWriter stdout, CancellationToken ct)
    {
        var log = new GitHubObserver(stdout);
        try
        {
            var workspace = environment("GITHUB_WORKSPACE") is { Length: > 0 } w ? w : Environment.CurrentDirectory;
            var options = new ActionInputs(environment).ToOptions(workspace);
            var result = await new Deployer(log).DeployAsync(options, ct);
            log.EndGroup();
            await stdout.WriteLineAsync(SummaryLine.Result(result, options.Source, options.Target));
            Append(environment("GITHUB_OUTPUT"), GitHubOutputFile.Format(DeployOutputs.From(result, "\n"), GitHubOutputFile.NewDelimiter));
            Append(environment("GITHUB_STEP_SUMMARY"), SummaryMarkdown.Build(result, options.Source, options.Target));
            return 0;
        }
        catch (DeployException e)
        {
            return Fail(log, stdout, e.Code, e.Message, (int)e.Kind);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Fail(log, stdout, DiagnosticCode.Cancelled, "Cancelled. Nothing was deleted; run the workflow again to finish the deploy.", (int)FailureKind.Cancelled);
        }
        catch (Exception e)
        {
            Fail(log, stdout, DiagnosticCode.Unexpected, $"{e.GetType().Name}: {e.Message} (please report it).", (int)FailureKind.Service);
            stdout.WriteLine(e.ToString());
            return (int)FailureKind.Service;
        }
    }

    private static int Fail(GitHubObserver log, TextWriter stdout, string code, string message, int exitCode)
    {
        log.EndGroup();
        stdout.WriteLine(GitHubCommands.Error(code, message));
        return exitCode;
    }

    private static void Append(string? path, string text)
    {
        if (path is { Length: > 0 })
        {
            File.AppendAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }
}
