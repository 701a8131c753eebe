using Amazon.S3;
using S3Deploy.Core.Text;

namespace S3Deploy.Core.Website;

/// <summary>The bucket-level half of a deploy: website hosting and public read access, each only when asked for.</summary>
internal static class SiteHosting
{
    /// <returns>The website URL (null when hosting is not asked for) and one line per change made or, in a dry run, needed.</returns>
    public static async Task<(string? Url, IReadOnlyList<string> Changes)> ApplyAsync(IAmazonS3 s3, DeployOptions options, CancellationToken ct)
    {
        var changes = new List<string>();
        var target = options.Target;
        var region = options.Connection.Region ?? s3.Config.RegionEndpoint?.SystemName ?? s3.Config.AuthenticationRegion ?? "us-east-1";
        string? url = null;
        if (options.Website is { } website)
        {
            if (await new WebsiteConfigurator(s3, target).EnsureAsync(website, options.DryRun, ct))
            {
                var error = website.Spa ? $"{website.Index} (single-page app)" : website.Error ?? "none";
                changes.Add($"Configured website hosting of bucket '{target.Bucket}': index {website.Index}, error document {error}, {Plural.Of(website.RoutingRules.Count, "routing rule")}.");
            }

            url = WebsiteEndpoint.Url(target, region, options.Connection.EndpointUrl);
        }

        if (options.Public)
        {
            changes.AddRange(await new PublicAccess(s3, target, PublicReadPolicy.PartitionOf(region)).EnsurePublicReadAsync(options.DryRun, ct));
        }

        return (url, changes);
    }
}
