namespace S3Deploy.ReliabilityTests.Infrastructure;

internal enum S3Operation
{
    Other,
    List,
    Get,
    Head,
    Put,
    Copy,
    UploadPart,
    StartMultipart,
    CompleteMultipart,
    AbortMultipart,
    DeleteObjects,
    Delete,
}
