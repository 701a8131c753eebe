using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Website;

/// <summary>Reads the bucket's website configuration and writes it only when it differs from the one wanted.</summary>
internal sealed class WebsiteConfigurator(IAmazonS3 s3, S3Target target)
{
    /// <returns>True when the configuration differs (and, unless a dry run, was written).</returns>
    public async Task<bool> EnsureAsync(WebsiteSettings settings, bool dryRun, CancellationToken ct)
    {
        var desired = WebsiteConfigurations.Desired(settings, target);
        var current = await S3Errors.Call(() => ReadAsync(ct), target.Bucket, "s3:GetBucketWebsite", "read the website configuration");
        if (WebsiteConfigurations.Canonical(current) == WebsiteConfigurations.Canonical(desired))
        {
            return false;
        }

        if (!dryRun)
        {
            var request = new PutBucketWebsiteRequest { BucketName = target.Bucket, WebsiteConfiguration = desired };
            await S3Errors.Call(() => s3.PutBucketWebsiteAsync(request, ct), target.Bucket, "s3:PutBucketWebsite", "configure website hosting");
        }

        return true;
    }

    private async Task<WebsiteConfiguration?> ReadAsync(CancellationToken ct)
    {
        try
        {
            var response = await s3.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { BucketName = target.Bucket }, ct);
            return response.WebsiteConfiguration;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchWebsiteConfiguration" || (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket"))
        {
            return null;
        }
    }
}
