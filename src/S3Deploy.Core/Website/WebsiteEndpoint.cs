using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Website;

/// <summary>Where S3 serves a website bucket: the host form differs by region, and an S3-compatible server serves it path-style.</summary>
internal static class WebsiteEndpoint
{
    // Regions launched before 2014 kept the dash form; every later region uses the dot form.
    private static readonly HashSet<string> DashRegions =
    [
        "us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1", "us-gov-west-1",
    ];

    public static string Url(S3Target target, string region, string? endpointUrl)
    {
        var path = target.Prefix.Length == 0 ? "/" : "/" + target.Prefix + "/";
        if (endpointUrl is not null)
        {
            return endpointUrl.TrimEnd('/') + "/" + target.Bucket + path;
        }

        var separator = DashRegions.Contains(region) ? "-" : ".";
        var domain = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return $"http://{target.Bucket}.s3-website{separator}{region}.{domain}{path}";
    }
}
