using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>
/// Raw calls to moto's KMS and CloudFront, so the tests need no SDK packages the product does not use. moto checks no
/// signature but picks the service from the credential scope of the Authorization header.
/// </summary>
public sealed class MotoApi(string endpoint)
{
    private static readonly XNamespace Cf = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    public async Task<string> CreateKmsKeyAsync()
    {
        using var request = Request(HttpMethod.Post, "/", "kms", "{}", "application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", "TrentService.CreateKey");
        using var json = JsonDocument.Parse(await SendAsync(request));
        return json.RootElement.GetProperty("KeyMetadata").GetProperty("Arn").GetString()!;
    }

    /// <returns>The new distribution's id.</returns>
    public async Task<string> CreateDistributionAsync(string bucket, string originPath)
    {
        var config = new XElement(
            Cf + "DistributionConfig",
            new XElement(Cf + "CallerReference", Guid.NewGuid().ToString("N")),
            new XElement(Cf + "Origins", new XElement(Cf + "Quantity", 1), new XElement(
                Cf + "Items",
                new XElement(
                    Cf + "Origin",
                    new XElement(Cf + "Id", "s3"),
                    new XElement(Cf + "DomainName", $"{bucket}.s3.us-east-1.amazonaws.com"),
                    new XElement(Cf + "OriginPath", originPath),
                    new XElement(Cf + "S3OriginConfig", new XElement(Cf + "OriginAccessIdentity"))))),
            new XElement(
                Cf + "DefaultCacheBehavior",
                new XElement(Cf + "TargetOriginId", "s3"),
                new XElement(Cf + "ViewerProtocolPolicy", "redirect-to-https"),
                new XElement(Cf + "ForwardedValues", new XElement(Cf + "QueryString", false), new XElement(Cf + "Cookies", new XElement(Cf + "Forward", "none"))),
                new XElement(Cf + "TrustedSigners", new XElement(Cf + "Enabled", false), new XElement(Cf + "Quantity", 0)),
                new XElement(Cf + "MinTTL", 0)),
            new XElement(Cf + "Comment", ""),
            new XElement(Cf + "Enabled", true));
        using var request = Request(HttpMethod.Post, "/2020-05-31/distribution", "cloudfront", config.ToString(SaveOptions.DisableFormatting), "application/xml");
        return (string)XDocument.Parse(await SendAsync(request)).Root!.Element(Cf + "Id")!;
    }

    /// <returns>The paths of each invalidation made on the distribution, as moto recorded them.</returns>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> InvalidationsAsync(string distributionId)
    {
        using var list = Request(HttpMethod.Get, $"/2020-05-31/distribution/{distributionId}/invalidation", "cloudfront");
        var ids = XDocument.Parse(await SendAsync(list)).Descendants(Cf + "InvalidationSummary").Select(s => (string)s.Element(Cf + "Id")!).ToList();
        var result = new List<IReadOnlyList<string>>();
        foreach (var id in ids)
        {
            using var get = Request(HttpMethod.Get, $"/2020-05-31/distribution/{distributionId}/invalidation/{id}", "cloudfront");
            result.Add([.. XDocument.Parse(await SendAsync(get)).Descendants(Cf + "Path").Select(p => p.Value).Order(StringComparer.Ordinal)]);
        }

        return result;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string service, string? body = null, string? contentType = null)
    {
        var request = new HttpRequestMessage(method, endpoint + path);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=MOTO/20250101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
        }

        return request;
    }

    private static async Task<string> SendAsync(HttpRequestMessage request)
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"moto answered {(int)response.StatusCode} to {request.Method} {request.RequestUri}: {text}");
    }
}
