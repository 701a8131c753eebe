using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
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
            var (policy, policyId, policyChange) = input.Headers is null ? (null, null, null) : await PlanHeadersAsync(client, distribution, config, input.Headers, ct);
            var (_, changes) = DistributionEdit.Apply(config, arn, Page(input.ErrorDocument, paths), input.Site.Spa ? paths.SiteRoot + input.Site.Index : null, policy is null ? null : policyId ?? "(new) " + name);
            var after = routes.Describe();
            planned.Add(new HostingChange(distribution, name, change, [.. after.Except(before)], [.. before.Except(after)], changes)
            {
                Code = code, Comment = comment, Paths = paths, HeadersPolicy = policy, HeadersPolicyId = policyId, HeadersPolicyChange = policyChange,
            });
        }

        return planned;
    }

    /// <summary>Ours is the policy named after the function that the default behaviour points at; any other is replaced by a new one of ours.</summary>
    private static async Task<(XElement Policy, string? Id, string Change)> PlanHeadersAsync(CloudFrontClient client, string distribution, XElement config, ResponseHeaders headers, CancellationToken ct)
    {
        var wanted = HeadersPolicyXml.Build(FunctionName(distribution), headers);
        var currentId = (string?)config.Element(CloudFrontXml.Ns + "DefaultCacheBehavior")?.Element(CloudFrontXml.Ns + "ResponseHeadersPolicyId");
        var current = currentId is { Length: > 0 } ? await client.GetResponseHeadersPolicyAsync(distribution, currentId, ct) : null;
        if (current is not { } found || HeadersPolicyXml.Name(found.Config) != FunctionName(distribution))
        {
            return (wanted, null, HostingChange.Created);
        }

        return (wanted, currentId, HeadersPolicyXml.Comment(found.Config) == HeadersPolicyXml.Comment(wanted) ? HostingChange.Unchanged : HostingChange.Updated);
    }

    /// <summary>One function per distribution: the routes depend on its origin path. CloudFront allows [a-zA-Z0-9-_], 64 characters.</summary>
    public static string FunctionName(string distributionId) => "s3deploy-" + distributionId;

    public static string? Page(string? document, ViewerPaths paths) => document is null ? null : paths.Of(document);

    private static IReadOnlyList<string> RoutesIn(string code) => FunctionCode.RoutesOf(code)?.Describe() ?? [];
}
