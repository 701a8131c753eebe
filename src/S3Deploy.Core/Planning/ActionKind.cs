namespace S3Deploy.Core.Planning;

public enum ActionKind
{
    Upload,
    UpdateHeaders,
    Delete,
}
