namespace S3Deploy.Core.Planning;

public enum ActionReason
{
    New,
    Content,
    Headers,
    Stale,
    Restore,
}
