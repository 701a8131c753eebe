using S3Deploy.Cli;
using S3Deploy.Cli.Output;

var azure = AzurePipelinesLog.IsActive() ? new AzurePipelinesLog(AzurePipelinesLog.DefaultSummaryFolder()) : null;
return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive: ConsoleMode.IsInteractive(), azure: azure);
