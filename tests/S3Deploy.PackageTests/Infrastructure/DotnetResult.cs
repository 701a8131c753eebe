namespace S3Deploy.PackageTests.Infrastructure;

internal sealed record DotnetResult(int ExitCode, string Output);
