using System.Text;
using System.Xml.Linq;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.CloudFront;

/// <summary>The calls CloudFront hosting adds: a function's life cycle, and the distribution's whole configuration with its ETag.</summary>
internal sealed partial class CloudFrontClient
{
    public const string FunctionRuntime = "cloudfront-js-2.0";

    /// <summary>The function at <paramref name="stage"/> (DEVELOPMENT or LIVE); null when there is none by that name.</summary>
    public async Task<EdgeFunction?> DescribeFunctionAsync(string distributionId, string name, string stage, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:DescribeFunction", $"read the function '{name}'");
        try
        {
            var answer = await SendAsync(HttpMethod.Get, $"{FunctionPath(name)}/describe?Stage={stage}", null, call, null, cancellationToken);
            return Parse(answer.Body, body => CloudFrontXml.ParseFunctionSummary(body, answer.ETag), call);
        }
        catch (DeployException e) when (e.InnerException is CloudFrontException { ErrorCode: "NoSuchFunctionExists" })
        {
            return null;
        }
    }

    /// <summary>The function's code at <paramref name="stage"/>, to tell which routes an update adds and drops.</summary>
    public async Task<string> GetFunctionCodeAsync(string distributionId, string name, string stage, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:GetFunction", $"read the code of the function '{name}'");
        return (await SendAsync(HttpMethod.Get, $"{FunctionPath(name)}?Stage={stage}", null, call, null, cancellationToken)).Body;
    }

    public async Task<string> CreateFunctionAsync(string distributionId, string name, string comment, string code, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:CreateFunction", $"create the function '{name}'");
        var body = CloudFrontXml.FunctionRequest("CreateFunctionRequest", name, comment, FunctionRuntime, code);
        var answer = await SendAsync(HttpMethod.Post, $"{Version}/function", Encoding.UTF8.GetBytes(body), call, null, cancellationToken);
        return answer.ETag ?? throw NoETag(call);
    }

    /// <returns>The new DEVELOPMENT ETag, which <see cref="PublishFunctionAsync"/> needs.</returns>
    public async Task<string> UpdateFunctionAsync(string distributionId, string name, string etag, string comment, string code, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:UpdateFunction", $"update the function '{name}'");
        var body = CloudFrontXml.FunctionRequest("UpdateFunctionRequest", null, comment, FunctionRuntime, code);
        var answer = await SendAsync(HttpMethod.Put, FunctionPath(name), Encoding.UTF8.GetBytes(body), call, etag, cancellationToken);
        return answer.ETag ?? (await DescribeFunctionAsync(distributionId, name, "DEVELOPMENT", cancellationToken))?.ETag ?? throw NoETag(call);
    }

    /// <summary>Copies DEVELOPMENT to LIVE; <paramref name="etag"/> must be the latest DEVELOPMENT ETag.</summary>
    public async Task PublishFunctionAsync(string distributionId, string name, string etag, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:PublishFunction", $"publish the function '{name}'");
        await SendAsync(HttpMethod.Post, $"{FunctionPath(name)}/publish", null, call, etag, cancellationToken);
    }

    /// <summary>The whole DistributionConfig, to change and send back with UpdateDistribution, and its ETag.</summary>
    public async Task<(XElement Config, string ETag)> GetDistributionConfigXmlAsync(string distributionId, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:GetDistributionConfig", "read the distribution's configuration");
        var answer = await SendAsync(HttpMethod.Get, $"{DistributionPath(distributionId)}/config", null, call, null, cancellationToken);
        var config = Parse(answer.Body, body => XDocument.Parse(body).Root!, call);
        return (config, answer.ETag ?? throw NoETag(call));
    }

    /// <summary>Writes the whole config back if nobody changed it since <paramref name="etag"/>; a stale ETag throws with PreconditionFailed inside.</summary>
    public async Task UpdateDistributionAsync(string distributionId, XElement config, string etag, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:UpdateDistribution", "update the distribution's configuration");
        var body = Encoding.UTF8.GetBytes(config.ToString(SaveOptions.DisableFormatting));
        await SendAsync(HttpMethod.Put, $"{DistributionPath(distributionId)}/config", body, call, etag, cancellationToken);
    }

    /// <summary>A response headers policy's config and ETag; null when there is no policy with that id.</summary>
    public async Task<(XElement Config, string ETag)?> GetResponseHeadersPolicyAsync(string distributionId, string id, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:GetResponseHeadersPolicy", $"read the response headers policy '{id}'");
        try
        {
            var answer = await SendAsync(HttpMethod.Get, $"{Version}/response-headers-policy/{Uri.EscapeDataString(id)}", null, call, null, cancellationToken);
            var config = Parse(answer.Body, body => XDocument.Parse(body).Root!.Element(CloudFrontXml.Ns + "ResponseHeadersPolicyConfig") ?? throw new FormatException("No <ResponseHeadersPolicyConfig> in the policy."), call);
            return (config, answer.ETag ?? throw NoETag(call));
        }
        catch (DeployException e) when (e.InnerException is CloudFrontException { ErrorCode: "NoSuchResponseHeadersPolicy" })
        {
            return null;
        }
    }

    /// <summary>The id of the account's own response headers policy named <paramref name="name"/>, or null.</summary>
    public async Task<string?> FindResponseHeadersPolicyAsync(string distributionId, string name, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:ListResponseHeadersPolicies", "list the response headers policies");
        string? marker = null;
        do
        {
            var query = "?Type=custom" + (marker is null ? "" : "&Marker=" + Uri.EscapeDataString(marker));
            var answer = await SendAsync(HttpMethod.Get, $"{Version}/response-headers-policy{query}", null, call, null, cancellationToken);
            var (id, next) = Parse(answer.Body, body => CloudFrontXml.FindPolicy(body, name), call);
            if (id is not null)
            {
                return id;
            }

            marker = next;
        }
        while (marker is not null);
        return null;
    }

    /// <returns>The new policy's id.</returns>
    public async Task<string> CreateResponseHeadersPolicyAsync(string distributionId, XElement config, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:CreateResponseHeadersPolicy", "create the response headers policy");
        var answer = await SendAsync(HttpMethod.Post, $"{Version}/response-headers-policy", Encoding.UTF8.GetBytes(config.ToString(SaveOptions.DisableFormatting)), call, null, cancellationToken);
        return Parse(answer.Body, body => (string?)XDocument.Parse(body).Root!.Element(CloudFrontXml.Ns + "Id") ?? throw new FormatException("No <Id> in the new policy."), call);
    }

    public async Task UpdateResponseHeadersPolicyAsync(string distributionId, string id, XElement config, string etag, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:UpdateResponseHeadersPolicy", $"update the response headers policy '{id}'");
        await SendAsync(HttpMethod.Put, $"{Version}/response-headers-policy/{Uri.EscapeDataString(id)}", Encoding.UTF8.GetBytes(config.ToString(SaveOptions.DisableFormatting)), call, etag, cancellationToken);
    }

    public static bool IsStale(DeployException e) => e.InnerException is CloudFrontException { ErrorCode: "PreconditionFailed" or "InvalidIfMatchVersion" };

    private static string FunctionPath(string name) => $"{Version}/function/{Uri.EscapeDataString(name)}";

    private static DeployException NoETag(CloudFrontCall call) =>
        new(CloudFrontCodes.ServiceError, FailureKind.Service, $"CloudFront answered without an ETag when asked to {call.What} on distribution '{call.DistributionId}'. Check --cloudfront-endpoint-url.");
}
