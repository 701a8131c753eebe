using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Website;

/// <summary>Reads the bucket-level settings a plan compares with: website configuration, public access block, bucket policy.</summary>
internal sealed class BucketSettingsReader(IAmazonS3 s3, S3Target target)
{
    /// <returns>Null when the bucket has no website configuration.</returns>
    public Task<WebsiteConfiguration?> WebsiteAsync(CancellationToken ct) =>
        S3Errors.Call(() => ReadWebsiteAsync(ct), target.Bucket, "s3:GetBucketWebsite", "read the website configuration");

    /// <returns>Null when the bucket has no public access block.</returns>
    public Task<PublicAccessBlockConfiguration?> PublicAccessBlockAsync(CancellationToken ct) =>
        S3Errors.Call(() => ReadBlockAsync(ct), target.Bucket, "s3:GetBucketPublicAccessBlock", "read the public access block");

    /// <returns>The policy document, or null when the bucket has none.</returns>
    public Task<string?> PolicyAsync(CancellationToken ct) =>
        S3Errors.Call(() => ReadPolicyAsync(ct), target.Bucket, "s3:GetBucketPolicy", "read the bucket policy");

    private async Task<WebsiteConfiguration?> ReadWebsiteAsync(CancellationToken ct)
    {
        try
        {
            var response = await s3.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { BucketName = target.Bucket }, ct);

            // As with the policy, AWSSDK.S3 4.x may hand back a 404 as an empty configuration: "none" must read as create, not update.
            return response.HttpStatusCode == HttpStatusCode.NotFound ? null : response.WebsiteConfiguration;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchWebsiteConfiguration" || (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket"))
        {
            return null;
        }
    }

    private async Task<PublicAccessBlockConfiguration?> ReadBlockAsync(CancellationToken ct)
    {
        try
        {
            var response = await s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = target.Bucket }, ct);
            return response.PublicAccessBlockConfiguration;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchPublicAccessBlockConfiguration")
        {
            return null;
        }
    }

    private async Task<string?> ReadPolicyAsync(CancellationToken ct)
    {
        try
        {
            var response = await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = target.Bucket }, ct);

            // AWSSDK.S3 4.x suppresses this call's 404 and hands back the error document as the policy text.
            return response.HttpStatusCode == HttpStatusCode.NotFound ? NotFound(response.Policy) : response.Policy;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucketPolicy" || e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
    }

    /// <summary>A suppressed 404 is "no policy yet", unless it says the bucket itself is gone.</summary>
    private string? NotFound(string? errorDocument) =>
        errorDocument?.Contains("<Code>NoSuchBucket</Code>", StringComparison.Ordinal) == true
            ? throw new DeployException(DiagnosticCode.NoSuchBucket, FailureKind.Service, $"Bucket '{target.Bucket}' does not exist (it was deleted during the deploy?).")
            : null;
}
