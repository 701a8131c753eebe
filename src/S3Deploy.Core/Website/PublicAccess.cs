using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Website;

/// <summary>Makes the deployed prefix publicly readable, changing the bucket's access settings no further than that needs.</summary>
internal sealed class PublicAccess(IAmazonS3 s3, S3Target target, string partition)
{
    /// <returns>One line for each change made (or, in a dry run, that would be made).</returns>
    public async Task<IReadOnlyList<string>> EnsurePublicReadAsync(bool dryRun, CancellationToken ct)
    {
        var changes = new List<string>();
        var block = await S3Errors.Call(() => ReadBlockAsync(ct), target.Bucket, "s3:GetBucketPublicAccessBlock", "read the public access block");
        if (PublicAccessBlockChange.Relax(block) is { } relaxed)
        {
            changes.Add($"Turned off BlockPublicPolicy and RestrictPublicBuckets in the public access block of bucket '{target.Bucket}' (the ACL settings are unchanged).");
            if (!dryRun)
            {
                var put = new PutPublicAccessBlockRequest { BucketName = target.Bucket, PublicAccessBlockConfiguration = relaxed };
                await S3Errors.Call(() => s3.PutPublicAccessBlockAsync(put, ct), target.Bucket, "s3:PutBucketPublicAccessBlock", "relax the public access block");
            }
        }

        var policy = await S3Errors.Call(() => ReadPolicyAsync(ct), target.Bucket, "s3:GetBucketPolicy", "read the bucket policy");
        if (PublicReadPolicy.Merge(policy, target.Bucket, target.Prefix, partition) is { } merged)
        {
            changes.Add($"Added a bucket policy statement that lets anyone read {target}/* (the deploy manifest stays private).");
            if (!dryRun)
            {
                var put = new PutBucketPolicyRequest { BucketName = target.Bucket, Policy = merged };
                await S3Errors.Call(() => s3.PutBucketPolicyAsync(put, ct), target.Bucket, "s3:PutBucketPolicy", "write the bucket policy");
            }
        }

        return changes;
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
