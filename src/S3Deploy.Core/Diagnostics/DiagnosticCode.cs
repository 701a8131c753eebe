namespace S3Deploy.Core.Diagnostics;

/// <summary>Stable codes shared by every adapter; never renumber one, only add.</summary>
internal static class DiagnosticCode
{
    public const string SourceMissing = "S3D001";
    public const string SourceNotFolder = "S3D002";
    public const string EmptySource = "S3D003";
    public const string TooManyDeletes = "S3D004";
    public const string BadTarget = "S3D005";
    public const string BadOption = "S3D006";
    public const string BadGlob = "S3D007";
    public const string BadRedirect = "S3D008";
    public const string BadSourceFile = "S3D009";
    public const string NoSuchBucket = "S3D010";
    public const string AccessDenied = "S3D011";
    public const string WrongRegion = "S3D012";
    public const string ExpiredCredentials = "S3D013";
    public const string NoCredentials = "S3D014";
    public const string BadCredentials = "S3D015";
    public const string ClockSkew = "S3D016";
    public const string CredentialProviderFailed = "S3D017";
    public const string NoRegion = "S3D018";
    public const string NotS3 = "S3D019";
    public const string ServiceError = "S3D020";
    public const string NetworkError = "S3D021";
    public const string SourceChanged = "S3D022";
    public const string ListingLoops = "S3D023";
    public const string ListingWithoutToken = "S3D024";
    public const string RequestTimedOut = "S3D025";
    public const string PolicyNotJson = "S3D026";
    public const string Cancelled = "S3D030";
    public const string ConfigNotFound = "S3D040";
    public const string ConfigSyntax = "S3D041";
    public const string ConfigUnknownField = "S3D042";
    public const string ConfigBadValue = "S3D043";
    public const string BadHeaderValue = "S3D044";
    public const string UnknownTarget = "S3D075";
    public const string UnresolvedPlaceholder = "S3D076";
    public const string SubstituteMatchesNothing = "S3D077";
    public const string SubstituteNotText = "S3D078";
    // CloudFront hosting (issue 15).
    public const string FunctionTooLarge = "S3D061";
    public const string HostingIncomplete = "S3D062";
    public const string BadResponseHeader = "S3D063";
    public const string HostingNoOrigin = "S3D064";
    public const string DistributionKeepsChanging = "S3D065";
    public const string BadPreviewName = "S3D080";
    public const string RemoveBucketRoot = "S3D081";
    public const string BadRoleArn = "S3D082";
    public const string AssumeRoleFailed = "S3D083";
    public const string OidcTokenFailed = "S3D084";
    // Warnings: the deploy goes on, and says what it left out or put off.
    public const string SkippedReserved = "S3D101";
    public const string SkippedLinkLoop = "S3D102";
    public const string SkippedBrokenLink = "S3D103";
    public const string SkippedOutsideLink = "S3D104";
    public const string SkippedNotRegular = "S3D105";
    public const string InvalidationTimedOut = "S3D110";
    public const string StaleHeld = "S3D111";
    public const string NoOriginForBucket = "S3D112";
    public const string ManifestNotSaved = "S3D113";
    public const string ManifestTooLarge = "S3D114";
    public const string ManifestInvalid = "S3D115";
    public const string UploadNotAborted = "S3D116";

    // Release history and rollback (issue 16).
    public const string NoSuchRelease = "S3D068";
    public const string ReleaseBytesGone = "S3D069";
    public const string PrefixLocked = "S3D070";
    public const string LockTakenOver = "S3D073";
    public const string HistoryIncomplete = "S3D071";
    public const string NoHistory = "S3D072";
    public const string ObjectChangedBeforeKept = "S3D074";

    /// <summary>Raised by the MSBuild task itself (it cannot reference this assembly): dotnet was not found to run the CLI.</summary>
    public const string DotnetNotFound = "S3D060";
    public const string Unexpected = "S3D099";
}
