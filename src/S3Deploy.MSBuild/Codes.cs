namespace S3Deploy.MSBuild;

/// <summary>The task's own diagnostics; everything else carries the code s3deploy printed.</summary>
internal static class Codes
{
    public const string DotnetNotFound = "S3D060";
    public const string Unexpected = "S3D099";
}
