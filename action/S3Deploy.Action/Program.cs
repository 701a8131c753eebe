using System.Runtime.InteropServices;
using S3Deploy.Action;

using var cancel = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await ActionApp.RunAsync(Environment.GetEnvironmentVariable, Console.Out, cancel.Token);
