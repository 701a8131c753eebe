using System.Diagnostics;
using S3Deploy.Cli.Output;
using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Reporting;

namespace S3Deploy.Cli;

/// <summary>What a subcommand asks for: options (read inside the run, so their errors take the one error path) and how to report.</summary>
internal sealed record DeployRequest(Func<DeployOptions> Options, bool Json = false, bool DryRun = false, bool Diagnostics = false)
{
    /// <summary>What runs with the options: a deploy, unless the command is another (rollback).</summary>
    public Func<IDeployObserver, DeployOptions, CancellationToken, Task<DeployResult>> Run { get; init; } = (observer, options, ct) => new Deployer(observer).DeployAsync(options, ct);
}

/// <summary>
/// One deploy or plan in the dialect of where it runs (terminal, plain log, GitHub, Azure; --json on stdout), and the one
/// place where every failure becomes an error line, a --json failure record and an exit code.
/// </summary>
internal sealed class DeployRun(TextWriter stdout, TextWriter stderr, bool interactive, CiLog? ci)
{
    public async Task<int> RunAsync(DeployRequest request, CancellationToken ct)
    {
        var log = request.Json ? stderr : stdout;
        ci?.WriteTo(log);
        var clock = Stopwatch.StartNew();
        DeployProgress? progress = null;
        try
        {
            var options = request.Options();
            if (options.TargetName is { } name && !request.Json)
            {
                await log.WriteLineAsync($"Target {name}: {options.Source} -> {options.Target}{(options.DryRun ? " (dry run)" : "")}");
            }

            DeployResult result;
            if (interactive && !request.Json && ci is null)
            {
                result = await TerminalProgress.RunAsync(observer => request.Run(progress = new DeployProgress(observer), options, ct));
            }
            else
            {
                progress = new DeployProgress(ci ?? (IDeployObserver)new PlainObserver(log, quiet: request.Json, request.DryRun));
                result = await request.Run(progress, options, ct);
            }

            ci?.EndGroup();
            if (request.Json)
            {
                await stdout.WriteLineAsync(DeployResultJson.Write(result, SummaryLine.Result(result, options.Source, options.Target, options.TargetName), options.TargetName));
            }
            else
            {
                Summary.Write(log, options, result);
            }

            ci?.Finished(options, result);
            return 0;
        }
        catch (Exception e)
        {
            var failure = e switch
            {
                DeployException known => known,
                OperationCanceledException when ct.IsCancellationRequested =>
                    new DeployException(DiagnosticCode.Cancelled, FailureKind.Cancelled, "Cancelled. Nothing was deleted; run the same command again to finish the deploy."),
                _ => new DeployException(DiagnosticCode.Unexpected, FailureKind.Service, $"{e.GetType().Name}: {e.Message} (run with --diagnostics for details, and please report it).", e),
            };
            var exit = await FailAsync(failure, [failure.Message], request.Json, request.DryRun, progress?.SoFar(request.DryRun, clock.Elapsed), progress?.Warnings);
            if (request.Diagnostics && !(e is OperationCanceledException && ct.IsCancellationRequested))
            {
                await stderr.WriteLineAsync((e.InnerException ?? e).ToString());
            }

            return exit;
        }
    }

    /// <summary>Error lines in the run's dialect, then (with --json) the one failure object stdout promises; returns the exit code.</summary>
    public async Task<int> FailAsync(DeployException failure, IEnumerable<string> lines, bool json, bool dryRun, DeployResult? known = null, IReadOnlyList<Diagnostic>? warnings = null)
    {
        ci?.WriteTo(json ? stderr : stdout);
        foreach (var line in lines)
        {
            if (ci is null)
            {
                await stderr.WriteLineAsync($"error {failure.Code}: {line}");
            }
            else
            {
                ci.Failed(failure.Code, line);
            }
        }

        if (json)
        {
            await stdout.WriteLineAsync(DeployResultJson.WriteFailure(failure.Code, failure.Message, failure.Kind.ExitCode(), dryRun, known, warnings ?? [], failure.Option));
        }

        return failure.Kind.ExitCode();
    }
}
