namespace S3Deploy.Core.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
