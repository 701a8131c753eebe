using System.CommandLine;
using S3Deploy.Cli.Output;
using S3Deploy.Cli.Usage;
using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Reporting;

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
        HelpText.Extend(root);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var messages = ParseErrors.Describe(parse, args);
            foreach (var message in messages)
            {
                await stderr.WriteLineAsync($"error {DiagnosticCode.BadOption}: {message}");
            }

            await stderr.WriteLineAsync($"Run 's3deploy {(parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ")}--help' for usage.");
            if (args.Contains("--json", StringComparer.Ordinal))
            {
                await stdout.WriteLineAsync(DeployResultJson.WriteFailure(DiagnosticCode.BadOption, string.Join(" ", messages), ExitCodes.Usage, dryRun: parse.CommandResult.Command.Name == "plan" || args.Contains("--dry-run"), known: null, warnings: [], ParseErrors.OptionOf(parse)));
            }

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
        var dryRun = planOnly || command.DryRun(parse);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DeployProgress? progress = null;
        JsonFailure? JsonIfAsked(int exit) => json ? new JsonFailure(stdout, exit, dryRun, progress, clock.Elapsed) : null;
        try
        {
            var options = command.ToOptions(parse, planOnly);
            DeployResult result;
            if (interactive && !json)
            {
                result = await TerminalProgress.RunAsync(observer => new Deployer(progress = new DeployProgress(observer)).DeployAsync(options, ct));
            }
            else
            {
                progress = new DeployProgress(azure ?? (IDeployObserver)new PlainObserver(log, quiet: json, dryRun));
                result = await new Deployer(progress).DeployAsync(options, ct);
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
            var exit = e.Kind switch
            {
                FailureKind.Usage => ExitCodes.Usage,
                FailureKind.Refused => ExitCodes.Refused,
                FailureKind.Cancelled => ExitCodes.Cancelled,
                _ => ExitCodes.Failed,
            };
            await WriteErrorAsync(stderr, azure, e.Code, e.Message, JsonIfAsked(exit), e.Option);
            await WriteDiagnosticsAsync(command, parse, stderr, e);
            return exit;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await WriteErrorAsync(stderr, azure, DiagnosticCode.Cancelled, "Cancelled. Nothing was deleted; run the same command again to finish the deploy.", JsonIfAsked(ExitCodes.Cancelled));
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            await WriteErrorAsync(stderr, azure, DiagnosticCode.Unexpected, $"{e.GetType().Name}: {e.Message} (run with --diagnostics for details, and please report it).", JsonIfAsked(ExitCodes.Failed));
            await WriteDiagnosticsAsync(command, parse, stderr, e);
            return ExitCodes.Failed;
        }
    }

    /// <summary>--json promises one object on stdout, also when the deploy fails or is refused.</summary>
    private sealed record JsonFailure(TextWriter Stdout, int ExitCode, bool DryRun, DeployProgress? Progress, TimeSpan Duration);

    private static async Task WriteErrorAsync(TextWriter stderr, AzurePipelinesLog? azure, string code, string message, JsonFailure? json = null, string? option = null)
    {
        if (azure is null)
        {
            await stderr.WriteLineAsync($"error {code}: {message}");
        }
        else
        {
            azure.Failed(code, message);
        }

        if (json is not null)
        {
            var known = json.Progress?.SoFar(json.DryRun, json.Duration);
            await json.Stdout.WriteLineAsync(DeployResultJson.WriteFailure(code, message, json.ExitCode, json.DryRun, known, json.Progress?.Warnings ?? [], option));
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
