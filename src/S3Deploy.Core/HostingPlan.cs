using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Edge;
using S3Deploy.Core.Planning;

namespace S3Deploy.Core;

/// <summary>From the deploy's options and desired objects to the hosting plan; nothing without --cloudfront-hosting.</summary>
internal static class HostingPlan
{
    public static async Task<IReadOnlyList<HostingChange>> PlanAsync(IReadOnlyList<DesiredObject> desired, DeployOptions options, Func<CloudFrontClient> clients, CancellationToken ct)
    {
        if (!options.CloudFront.Hosting || options.CloudFront.Distributions.Count == 0)
        {
            return [];
        }

        // Redirect objects are answered by the function itself, so only real files count as keys.
        var keys = desired.Where(d => d.Headers.RedirectLocation is null).Select(d => d.RelativeKey).ToList();
        var site = new EdgeSite(keys, options.Redirects, options.Website?.Index ?? "index.html", options.Website?.Spa ?? false, options.NegotiateEncodings, ViewerPaths.Root);
        var headers = ResponseHeaders.Parse(options.ResponseHeaders, varyAcceptEncoding: options.NegotiateEncodings);
        return await HostingPlanner.PlanAsync(new HostingInput(site, options.Website?.Error, options.Target, options.CloudFront.Distributions, headers.IsEmpty ? null : headers), clients(), ct);
    }
}
