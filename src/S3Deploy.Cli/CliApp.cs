using System.CommandLine;
using System.CommandLine.Parsing;
using S3Deploy.Cli.Output;
using S3Deploy.Cli.Usage;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Cli;

internal static class CliApp
{
    /// <param name="ci">The CI dialect the run speaks (GitHub's or Azure's), or null for a terminal or a plain log.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, CancellationToken ct = default, CiLog? ci = null, TimeProvider? time = null)
    {
        var run = new DeployRun(stdout, stderr, interactive, ci);
        var deploy = new DeployCommand();
        var plan = new DeployCommand();
        var root = new RootCommand("Deploy a static site or any build output folder to Amazon S3 by content hash.");
        var deployCommand = deploy.Build("deploy", "Upload what changed, fix headers in place, delete stale files last.");
        var planCommand = plan.Build("plan", "Show what deploy would do; change nothing.");
        var actionCommand = new Command("action", "The GitHub Action's entrypoint: inputs from INPUT_*, paths in GITHUB_WORKSPACE.") { Hidden = true };
        deployCommand.SetAction((parse, token) => run.RunAsync(Request(deploy, parse, planOnly: false), token));
        planCommand.SetAction((parse, token) => run.RunAsync(Request(plan, parse, planOnly: true), token));
        actionCommand.SetAction((_, token) => run.RunAsync(ActionRequest(Environment.GetEnvironmentVariable), token));
        root.Subcommands.Add(deployCommand);
        root.Subcommands.Add(planCommand);
        root.Subcommands.Add(actionCommand);
        var teardown = new RemoveCommands(run, stdout, stderr, time ?? TimeProvider.System);
        root.Subcommands.Add(teardown.Remove());
        root.Subcommands.Add(teardown.Previews());
        var rollback = new RollbackCommand();
        var rollbackCommand = rollback.Build();
        rollbackCommand.SetAction((parse, token) => run.RunAsync(rollback.Request(parse), token));
        root.Subcommands.Add(rollbackCommand);
        root.Subcommands.Add(new ReleasesCommand().Build(run, stdout));
        HelpText.Extend(root);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var json = args.Contains("--json", StringComparer.Ordinal);
            var dryRun = parse.CommandResult.Command.Name == "plan" || args.Contains("--dry-run");
            var messages = ParseErrors.Describe(parse, args);
            var exit = await run.FailAsync(new DeployException(DiagnosticCode.BadOption, FailureKind.Usage, string.Join(" ", messages)) { Option = ParseErrors.OptionOf(parse) }, messages, json, dryRun);
            await stderr.WriteLineAsync($"Run 's3deploy {CommandPath(parse.CommandResult)}--help' for usage.");
            return exit;
        }

        // Signals are Program's (StopSignals): System.CommandLine's own handler would end the process before the cleanup.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null }, ct);
    }

    private static DeployRequest Request(DeployCommand command, ParseResult parse, bool planOnly) =>
        new(() => command.ToOptions(parse, planOnly), command.Json(parse), planOnly || command.DryRun(parse), command.Diagnostics(parse));

    /// <summary>The container's entrypoint; GitHub's debug logging (RUNNER_DEBUG=1) stands for --diagnostics.</summary>
    private static DeployRequest ActionRequest(Func<string, string?> environment)
    {
        var inputs = new ActionInputs(environment);
        return new(() => inputs.ToOptions(environment("GITHUB_WORKSPACE") is { Length: > 0 } w ? w : Environment.CurrentDirectory), Diagnostics: environment("RUNNER_DEBUG") == "1")
        {
            // Read inside the run, so a bad 'rollback' input takes the one error path.
            Run = (observer, options, ct) => inputs.Rollback
                ? new Core.ReleaseManager(observer).RollbackAsync(options, inputs.RollbackTo, ct)
                : new Core.Deployer(observer).DeployAsync(options, ct),
        };
    }

    /// <summary>"previews prune " for a subcommand's subcommand, so the help hint names the whole command.</summary>
    private static string CommandPath(CommandResult result)
    {
        var path = "";
        for (var at = result; at is { Command: not RootCommand }; at = at.Parent as CommandResult)
        {
            path = $"{at.Command.Name} {path}";
        }

        return path;
    }
}
