using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Website;

/// <summary>The bucket-level half of a deploy, website hosting and public read access, each only when asked for: planned from what the bucket has, then applied as planned.</summary>
internal static class SiteHosting
{
    /// <summary>Reads the bucket's current settings (nothing is written) and decides what must change.</summary>
    public static async Task<(WebsiteChange? Website, AccessChange? Access)> PlanAsync(
        IAmazonS3 s3, S3Target target, ConnectionOptions connection, WebsiteSettings? wanted, bool makePublic, CancellationToken ct)
    {
        var reader = new BucketSettingsReader(s3, target);
        var region = connection.Region ?? s3.Config.RegionEndpoint?.SystemName ?? s3.Config.AuthenticationRegion ?? "us-east-1";
        WebsiteChange? website = null;
        if (wanted is { } settings)
        {
            var url = WebsiteEndpoint.Url(target, region, connection.EndpointUrl);
            website = WebsiteConfigurations.Plan(settings, await reader.WebsiteAsync(ct), target, url);
        }

        AccessChange? access = null;
        if (makePublic)
        {
            access = await PlanAccessAsync(reader, target, PublicReadPolicy.PartitionOf(region), ct);
        }

        return (website, access);
    }

    public static async Task<AccessChange> PlanAccessAsync(BucketSettingsReader reader, S3Target target, string partition, CancellationToken ct)
    {
        var block = PublicAccessBlockChange.Plan(await reader.PublicAccessBlockAsync(ct));
        var policy = PublicReadPolicy.Plan(await reader.PolicyAsync(ct), target.Bucket, target.Prefix, partition);
        return new AccessChange(block, policy);
    }

    /// <summary>Writes what the plan says must change, the public access block before the policy it would otherwise refuse.</summary>
    public static async Task ApplyAsync(IAmazonS3 s3, S3Target target, WebsiteChange? website, AccessChange? access, Action<string> info, CancellationToken ct)
    {
        if (website is { Changes: true })
        {
            var request = new PutBucketWebsiteRequest { BucketName = target.Bucket, WebsiteConfiguration = website.Desired };
            await S3Errors.Call(() => s3.PutBucketWebsiteAsync(request, ct), target.Bucket, "s3:PutBucketWebsite", "configure website hosting");
            info($"Configured website hosting of bucket '{target.Bucket}': {HostingText.Website(website.Wanted)}.");
        }

        if (access?.Block is { Changes: true, After: { } after })
        {
            var request = new PutPublicAccessBlockRequest { BucketName = target.Bucket, PublicAccessBlockConfiguration = after.ToS3() };
            await S3Errors.Call(() => s3.PutPublicAccessBlockAsync(request, ct), target.Bucket, "s3:PutBucketPublicAccessBlock", "relax the public access block");
            info($"Turned off BlockPublicPolicy and RestrictPublicBuckets in the public access block of bucket '{target.Bucket}' (the ACL settings are unchanged).");
        }

        if (access?.Policy is { Changes: true, Document: { } document })
        {
            var request = new PutBucketPolicyRequest { BucketName = target.Bucket, Policy = document };
            await S3Errors.Call(() => s3.PutBucketPolicyAsync(request, ct), target.Bucket, "s3:PutBucketPolicy", "write the bucket policy");
            var what = access.Policy.Change == PolicyChangeKind.Add ? "Added a bucket policy statement that lets" : "Replaced the bucket policy statements that let";
            info($"{what} anyone read {target}/* (the deploy manifest stays private).");
        }
    }
}
