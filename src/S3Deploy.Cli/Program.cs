using S3Deploy.Cli;
using S3Deploy.Cli.Output;

var interactive = ConsoleMode.IsInteractive();
var ci = CiLog.Detect(Environment.GetEnvironmentVariable, action: args is ["action", ..]);
using var signals = new StopSignals(() => ForcedStop.Report(Console.Error, interactive, ci), StopSignals.ParentForwards(Environment.GetEnvironmentVariable));
return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive, signals.Token, ci);
