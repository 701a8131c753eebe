using System.CommandLine;
using S3Deploy.Cli.Output;
using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Cli;

internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, CancellationToken ct = default, AzurePipelinesLog? azure = null)
    {
        var deploy = new DeployCommand();
        var plan = new DeployCommand();
        var root = new RootCommand("Deploy a static site or any build output folder to Amazon S3 by content hash.");
        var deployCommand = deploy.Build("deploy", "Upload what changed, fix headers in place, delete stale files last.");
        var planCommand = plan.Build("plan", "Show what deploy would do; change nothing.");
        deployCommand.SetAction((parse, token) => RunDeployAsync(deploy, parse, planOnly: false, stdout, stderr, interactive, azure, token));
        planCommand.SetAction((parse, token) => RunDeployAsync(plan, parse, planOnly: true, stdout, stderr, interactive, azure, token));
        root.Subcommands.Add(deployCommand);
        root.Subcommands.Add(planCommand);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"error {DiagnosticCode.BadOption}: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 's3deploy --help' for usage.");
            return ExitCodes.Usage;
        }

        // Signals are Program's (StopSignals): System.CommandLine's own handler would end the process before the cleanup.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null }, ct);
    }

    private static async Task<int> RunDeployAsync(DeployCommand command, ParseResult parse, bool planOnly, TextWriter stdout, TextWriter stderr, bool interactive, AzurePipelinesLog? azure, CancellationToken ct)
    {
        var json = command.Json(parse);
        var log = json ? stderr : stdout;
        azure?.WriteTo(log);
        try
        {
            var options = command.ToOptions(parse, planOnly);
            DeployResult result;
            if (interactive && !json)
            {
                result = await TerminalProgress.RunAsync(observer => new Deployer(observer).DeployAsync(options, ct));
            }
            else
            {
                result = await new Deployer(azure ?? (IDeployObserver)new PlainObserver(log, quiet: json)).DeployAsync(options, ct);
            }

            if (json)
            {
                await stdout.WriteLineAsync(DeployResultJson.Write(result));
            }
            else
            {
                Summary.Write(log, options, result);
            }

            azure?.Finished(options, result);

            return ExitCodes.Success;
        }
        catch (DeployException e)
        {
            await WriteErrorAsync(stderr, azure, e.Code, e.Message);
            await WriteDiagnosticsAsync(command, parse, stderr, e);
            return e.Kind switch
            {
                FailureKind.Usage => ExitCodes.Usage,
                FailureKind.Refused => ExitCodes.Refused,
                FailureKind.Cancelled => ExitCodes.Cancelled,
                _ => ExitCodes.Failed,
            };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await WriteErrorAsync(stderr, azure, DiagnosticCode.Cancelled, "Cancelled. Nothing was deleted; run the same command again to finish the deploy.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            await WriteErrorAsync(stderr, azure, DiagnosticCode.Unexpected, $"{e.GetType().Name}: {e.Message} (run with --diagnostics for details, and please report it).");
            await WriteDiagnosticsAsync(command, parse, stderr, e);
            return ExitCodes.Failed;
        }
    }

    private static async Task WriteErrorAsync(TextWriter stderr, AzurePipelinesLog? azure, string code, string message)
    {
        if (azure is null)
        {
            await stderr.WriteLineAsync($"error {code}: {message}");
        }
        else
        {
            azure.Failed(code, message);
        }
    }

    private static async Task WriteDiagnosticsAsync(DeployCommand command, ParseResult parse, TextWriter stderr, Exception e)
    {
        if (command.Diagnostics(parse))
        {
            await stderr.WriteLineAsync((e.InnerException ?? e).ToString());
        }
    }
}
