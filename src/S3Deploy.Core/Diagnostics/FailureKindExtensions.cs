namespace S3Deploy.Core.Diagnostics;

internal static class FailureKindExtensions
{
    /// <summary>The process exit code of every adapter that runs s3deploy; 0 is success.</summary>
    public static int ExitCode(this FailureKind kind) => (int)kind;
}
