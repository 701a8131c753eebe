using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Releases;

/// <summary>Whether the bucket keeps old versions, asked once per deploy that records a release.</summary>
internal static class BucketVersioning
{
    /// <summary>
    /// True only when versioning is Enabled. Suspended or never enabled, and a server that will not say (AccessDenied
    /// without s3:GetBucketVersioning, NotImplemented on emulators and some S3-compatible stores, any failure), mean the
    /// store, as without versioning: always correct, only more copies.
    /// </summary>
    public static async Task<bool> IsEnabledAsync(IAmazonS3 s3, S3Target target, CancellationToken ct)
    {
        try
        {
            var request = new GetBucketVersioningRequest { BucketName = target.Bucket };
            var response = await S3Errors.Call(() => s3.GetBucketVersioningAsync(request, ct), target.Bucket, "s3:GetBucketVersioning", "read the bucket's versioning");
            return response.VersioningConfig?.Status == VersionStatus.Enabled;
        }
        catch (DeployException)
        {
            // Also an answer that is not S3's (a gateway's page): the store is right whatever the bucket does.
            return false;
        }
    }
}
