using S3Deploy.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive: ConsoleMode.IsInteractive());
