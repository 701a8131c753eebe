using System.CommandLine;
using S3Deploy.Cli.Output;
using S3Deploy.Core;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Removal;
using S3Deploy.Core.Text;

namespace S3Deploy.Cli;

/// <summary><c>remove s3://BUCKET/PREFIX</c> and <c>previews prune --older-than 7d s3://BUCKET/PREFIX</c>: teardown with a deploy's delete guards.</summary>
internal sealed class RemoveCommands(DeployRun run, TextWriter stdout, TextWriter stderr, TimeProvider time)
{
    private readonly Argument<string> target = new("TARGET") { Description = "s3://BUCKET/PREFIX" };
    private readonly Option<int> maxDeletes = new("--max-deletes") { HelpName = "N", Description = $"Refuse if more objects than this would be deleted (default {DeployOptions.DefaultMaxDeletes}).", DefaultValueFactory = _ => DeployOptions.DefaultMaxDeletes };
    private readonly Option<bool> dryRun = new("--dry-run") { Description = "Show what would be deleted, delete nothing." };
    private readonly Option<bool> json = new("--json") { Description = "Print one JSON object with the result on stdout." };
    private readonly Option<bool> force = new("--force") { Description = "Allow removing the bucket root (every object in the bucket)." };
    private readonly Option<string?> olderThan = new("--older-than") { HelpName = "DURATION", Description = "Remove previews whose newest object is older than this, e.g. 7d.", Required = true };
    private readonly Option<string?> config = new("--config") { HelpName = "FILE", Description = "Config file whose \"previews\" prefix to use (default: s3deploy.json here, if present)." };
    private readonly Option<bool> breakLock = new("--break-lock") { Description = "Take the prefix's deploy lock even if another run holds it." };
    private readonly ConnectionFlags connection = new();

    public Command Remove()
    {
        var command = new Command("remove", "Delete every object under a prefix (a preview, a retired site), counts shown first.") { target };
        Add(command, maxDeletes, dryRun, json, force, breakLock);
        command.SetAction((parse, ct) => RunAsync(parse, ct, async (s3, info, token) =>
        {
            var where = S3Target.Parse(parse.GetValue(target)!);
            var max = Max(parse);
            PrefixRemover.CheckTarget(where, parse.GetValue(force));
            return [await new PrefixRemover(s3(), info) { BreakLock = parse.GetValue(breakLock) }.RemoveAsync(where, max, parse.GetValue(dryRun), token)];
        }));
        return command;
    }

    public Command Previews()
    {
        var prune = new Command("prune", "Remove the previews under s3://BUCKET/PREFIX not deployed for --older-than.") { target };
        Add(prune, olderThan, config, maxDeletes, dryRun, json, breakLock);
        prune.SetAction((parse, ct) => RunAsync(parse, ct, async (s3, info, token) =>
        {
            var site = S3Target.Parse(parse.GetValue(target)!);
            if (!Durations.TryParse(parse.GetValue(olderThan), out var age))
            {
                throw DeployException.Usage(DiagnosticCode.BadOption, $"--older-than: \"{parse.GetValue(olderThan)}\" is not a duration such as \"36h\" or \"7d\".");
            }

            var prefix = ConfigFile.Find(parse.GetValue(config))?.Previews?.Prefix?.Trim('/') ?? PreviewSite.DefaultPrefix;
            var previews = site with { Prefix = string.Join('/', new[] { site.Prefix, prefix }.Where(p => p.Length > 0)) };
            var max = Max(parse);
            return await new PreviewPruner(new PrefixRemover(s3(), info) { BreakLock = parse.GetValue(breakLock) }, info, time).PruneAsync(previews, age, max, parse.GetValue(dryRun), token);
        }));
        return new Command("previews", "Manage pull-request previews (see --preview of deploy).") { prune };
    }

    private void Add(Command command, params Option[] options)
    {
        foreach (var option in options.Concat(connection.All))
        {
            command.Options.Add(option);
        }
    }

    private int Max(ParseResult parse) => parse.GetValue(maxDeletes) is var max and >= 0 ? max : throw DeployException.Usage(DiagnosticCode.BadOption, "--max-deletes: must be 0 or more.");

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct, Func<Func<Amazon.S3.IAmazonS3>, Action<string>, CancellationToken, Task<IReadOnlyList<RemoveResult>>> work)
    {
        var asJson = parse.GetValue(json);
        var log = asJson ? stderr : stdout;
        var clients = new List<IDisposable>();
        try
        {
            var options = connection.ToOptions(parse);
            var results = await work(() => Track(clients, S3ClientFactory.Create(options)), log.WriteLine, ct);
            if (asJson)
            {
                await stdout.WriteLineAsync(RemoveResultJson.Write(results, parse.GetValue(dryRun)));
            }
            else
            {
                await log.WriteLineAsync(parse.GetValue(dryRun)
                    ? $"Dry run: would delete {Plural.Of(results.Sum(r => r.Objects), "object")} ({Bytes.Format(results.Sum(r => r.Bytes))}); nothing changed."
                    : $"Deleted {Plural.Of(results.Sum(r => r.Deleted), "object")} ({Bytes.Format(results.Sum(r => r.Bytes))}).");
            }

            return 0;
        }
        catch (Exception e)
        {
            var failure = e switch
            {
                DeployException known => known,
                OperationCanceledException when ct.IsCancellationRequested => new DeployException(DiagnosticCode.Cancelled, FailureKind.Cancelled, "Cancelled; run the same command again to finish."),
                _ => new DeployException(DiagnosticCode.Unexpected, FailureKind.Service, $"{e.GetType().Name}: {e.Message} (please report it)."),
            };
            return await run.FailAsync(failure, [failure.Message], asJson, parse.GetValue(dryRun));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static T Track<T>(List<IDisposable> owned, T client)
        where T : IDisposable
    {
        owned.Add(client);
        return client;
    }
}
