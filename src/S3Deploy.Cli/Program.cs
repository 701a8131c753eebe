using S3Deploy.Cli;
using S3Deploy.Cli.Output;
using S3Deploy.Core;

var interactive = ConsoleMode.IsInteractive();
using var signals = new StopSignals(() => ForcedStop.Report(Console.Error, interactive), StopSignals.ParentForwards(Environment.GetEnvironmentVariable));
var azure = AzurePipelinesLog.IsActive() ? new AzurePipelinesLog(AzurePipelinesLog.DefaultSummaryFolder()) : null;
return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive, signals.Token, azure);
