using System.Security.Cryptography;
using System.Text;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Edge;

/// <summary>Per distribution, what hosting would change: read the function and the config, then pure code. Writes nothing.</summary>
internal static class HostingPlanner
{
    public const string Development = "DEVELOPMENT";
    public const string Live = "LIVE";

    public static async Task<IReadOnlyList<HostingChange>> PlanAsync(HostingInput input, CloudFrontClient client, CancellationToken ct)
    {
        var planned = new List<HostingChange>();
        foreach (var distribution in input.Distributions)
        {
            var (config, _) = await client.GetDistributionConfigXmlAsync(distribution, ct);
            var origin = CloudFrontXml.ParseDistributionConfig(config.ToString()).Origins
                .FirstOrDefault(o => o.DomainName.StartsWith(input.Target.Bucket + ".s3", StringComparison.OrdinalIgnoreCase))
                ?? throw DeployException.Refused(DiagnosticCode.HostingNoOrigin, $"Distribution {distribution} has no origin for bucket '{input.Target.Bucket}', so it cannot serve this site. Add the bucket as an origin (with origin access control), or drop --cloudfront-hosting.");
            var paths = new ViewerPaths(input.Target.KeyPrefix, origin.OriginPath);
            var routes = EdgeRoutes.From(input.Site with { Paths = paths });
            var code = FunctionCode.Render(routes);
            var comment = "s3deploy " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)))[..32];
            var name = FunctionName(distribution);
            var development = await client.DescribeFunctionAsync(distribution, name, Development, ct);
            var live = development is null ? null : await client.DescribeFunctionAsync(distribution, name, Live, ct);
            var before = development is null ? [] : development.Comment == comment ? routes.Describe() : RoutesIn(await client.GetFunctionCodeAsync(distribution, name, Development, ct));
            var change = development is null ? HostingChange.Created : development.Comment == comment && live?.Comment == comment ? HostingChange.Unchanged : HostingChange.Updated;
            // Until the function exists its ARN is unknown; the name stands in for it in the plan.
            var arn = live?.Arn ?? development?.Arn ?? $"arn:aws:cloudfront::(new):function/{name}";
            var (_, changes) = DistributionEdit.Apply(config, arn, Page(input.ErrorDocument, paths), input.Site.Spa ? paths.SiteRoot + input.Site.Index : null);
            var after = routes.Describe();
            planned.Add(new HostingChange(distribution, name, change, [.. after.Except(before)], [.. before.Except(after)], changes) { Code = code, Comment = comment, Paths = paths });
        }

        return planned;
    }

    /// <summary>One function per distribution: the routes depend on its origin path. CloudFront allows [a-zA-Z0-9-_], 64 characters.</summary>
    public static string FunctionName(string distributionId) => "s3deploy-" + distributionId;

    public static string? Page(string? document, ViewerPaths paths) => document is null ? null : paths.Of(document);

    private static IReadOnlyList<string> RoutesIn(string code) => FunctionCode.RoutesOf(code)?.Describe() ?? [];
}
