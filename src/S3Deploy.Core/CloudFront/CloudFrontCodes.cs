namespace S3Deploy.Core.CloudFront;

/// <summary>
/// Diagnostic codes for CloudFront failures, S3D050–S3D059. Credential, access and network failures reuse the general
/// codes in <see cref="Diagnostics.DiagnosticCode"/>. Never renumber one, only add.
/// </summary>
internal static class CloudFrontCodes
{
    public const string NoSuchDistribution = "S3D050";
    public const string InvalidationRejected = "S3D051";
    public const string BatchTooLarge = "S3D052";
    public const string TooManyInvalidations = "S3D053";
    public const string NoSuchInvalidation = "S3D054";
    public const string Unavailable = "S3D055";
    public const string ServiceError = "S3D056";
}
