using S3Deploy.Action;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Reporting;

// A cancelled workflow stops the container with SIGTERM (and SIGKILL some seconds later): cancel, clean up, exit 130.
using var signals = new StopSignals(() => Console.Out.WriteLine(GitHubCommands.Error(DiagnosticCode.Cancelled,
    "Cancelled again: stopped at once, without aborting open multipart uploads or saving the deploy manifest. Run the workflow again to finish the deploy.")));
return await ActionApp.RunAsync(Environment.GetEnvironmentVariable, Console.Out, signals.Token);
