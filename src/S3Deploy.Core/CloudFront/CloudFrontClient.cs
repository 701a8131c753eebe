using System.Net.Sockets;
using System.Text;
using System.Xml;
using Amazon.Runtime;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.CloudFront;

/// <summary>
/// A small client for the three CloudFront calls a deploy needs, over REST-XML with SigV4. Retries resend the same body,
/// so a retried CreateInvalidation carries the same CallerReference and CloudFront answers the invalidation it already made.
/// </summary>
internal sealed partial class CloudFrontClient(
    HttpClient http,
    Func<CancellationToken, Task<ImmutableCredentials>> credentials,
    CloudFrontEndpoint? endpoint = null,
    CloudFrontRetryPolicy? retry = null,
    TimeProvider? time = null)
{
    private const string Service = "cloudfront";
    private const string Version = "/2020-05-31";

    private readonly CloudFrontEndpoint endpoint = endpoint ?? CloudFrontEndpoint.Global;
    private readonly CloudFrontRetryPolicy retry = retry ?? CloudFrontRetryPolicy.Default;
    private readonly TimeProvider time = time ?? TimeProvider.System;

    public CloudFrontEndpoint Endpoint => endpoint;

    public async Task<Invalidation> CreateInvalidationAsync(string distributionId, IReadOnlyList<string> paths, string callerReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfZero(paths.Count);
        ArgumentException.ThrowIfNullOrEmpty(callerReference);
        var call = new CloudFrontCall(distributionId, "cloudfront:CreateInvalidation", "create an invalidation");
        var body = Encoding.UTF8.GetBytes(InvalidationBody(callerReference, paths, call));
        var answer = await SendAsync(HttpMethod.Post, $"{DistributionPath(distributionId)}/invalidation", body, call, cancellationToken);
        return Parse(answer, CloudFrontXml.ParseInvalidation, call);
    }

    public async Task<Invalidation> GetInvalidationAsync(string distributionId, string invalidationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(invalidationId);
        var call = new CloudFrontCall(distributionId, "cloudfront:GetInvalidation", "read the invalidation's status");
        var answer = await SendAsync(HttpMethod.Get, $"{DistributionPath(distributionId)}/invalidation/{Uri.EscapeDataString(invalidationId)}", null, call, cancellationToken);
        return Parse(answer, CloudFrontXml.ParseInvalidation, call);
    }

    public async Task<DistributionConfig> GetDistributionConfigAsync(string distributionId, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:GetDistributionConfig", "read the distribution's configuration");
        var answer = await SendAsync(HttpMethod.Get, $"{DistributionPath(distributionId)}/config", null, call, cancellationToken);
        return Parse(answer, CloudFrontXml.ParseDistributionConfig, call);
    }

    /// <summary>The distribution's own domain (d111111abcdef8.cloudfront.net) and config: where a preview is served.</summary>
    public async Task<(string DomainName, DistributionConfig Config)> GetDistributionAsync(string distributionId, CancellationToken cancellationToken)
    {
        var call = new CloudFrontCall(distributionId, "cloudfront:GetDistribution", "read the distribution's domain name");
        var answer = await SendAsync(HttpMethod.Get, DistributionPath(distributionId), null, call, cancellationToken);
        return Parse(answer, CloudFrontXml.ParseDistribution, call);
    }

    private static string DistributionPath(string distributionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(distributionId);
        return $"{Version}/distribution/{Uri.EscapeDataString(distributionId)}";
    }

    private static string InvalidationBody(string callerReference, IReadOnlyList<string> paths, CloudFrontCall call)
    {
        try
        {
            return CloudFrontXml.InvalidationBatch(callerReference, paths);
        }
        catch (ArgumentException e)
        {
            // Control characters cannot be written in XML at all; CloudFront wants them URL-encoded in the path.
            throw new DeployException(CloudFrontCodes.InvalidationRejected, FailureKind.Usage, $"An invalidation path for distribution '{call.DistributionId}' has a character XML cannot carry ({e.Message}). URL-encode it.", e);
        }
    }

    private static T Parse<T>(string body, Func<string, T> parse, CloudFrontCall call)
    {
        try
        {
            return parse(body);
        }
        catch (Exception e) when (e is FormatException or XmlException)
        {
            throw new DeployException(CloudFrontCodes.ServiceError, FailureKind.Service, $"CloudFront answered something unexpected when asked to {call.What} on distribution '{call.DistributionId}': {e.Message} Check --endpoint-url; run with --diagnostics for details.", e);
        }
    }

    private async Task<string> SendAsync(HttpMethod method, string path, byte[]? body, CloudFrontCall call, CancellationToken cancellationToken) =>
        (await SendAsync(method, path, body, call, null, cancellationToken)).Body;

    /// <param name="ifMatch">The ETag a write is conditional on; CloudFront answers 412 PreconditionFailed when it is stale.</param>
    private async Task<CloudFrontAnswer> SendAsync(HttpMethod method, string path, byte[]? body, CloudFrontCall call, string? ifMatch, CancellationToken cancellationToken)
    {
        var uri = new Uri(endpoint.BaseUri, path);
        var transientFailures = 0;
        var busyFailures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var keys = await credentials(cancellationToken);
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/xml");
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            SigV4Signer.Sign(request, body ?? [], keys, endpoint.SigningRegion, Service, time.GetUtcNow());

            DeployException failure;
            TimeSpan? delay;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    // UpdateFunction's model names its header "ETtag" (sic); accept either spelling.
                    var etag = response.Headers.TryGetValues("ETag", out var tags) || response.Headers.TryGetValues("ETtag", out tags) ? tags.FirstOrDefault() : null;
                    return new CloudFrontAnswer(text, etag);
                }

                var error = CloudFrontError.Parse((int)response.StatusCode, text);
                failure = CloudFrontErrors.Translate(error, call);
                delay = error.RetryKind switch
                {
                    RetryKind.Busy => retry.NextDelay(RetryKind.Busy, ++busyFailures, Random.Shared.NextDouble()),
                    var kind => retry.NextDelay(kind, ++transientFailures, Random.Shared.NextDouble()),
                };
            }
            catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
            {
                failure = CloudFrontErrors.Network(e, endpoint.BaseUri, call);
                delay = retry.NextDelay(RetryKind.Transient, ++transientFailures, Random.Shared.NextDouble());
            }

            if (delay is not { } wait)
            {
                throw failure;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    // HttpClient's own timeout surfaces as TaskCanceledException while the caller's token is still live.
    private static bool IsNetworkFailure(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpRequestException or IOException or SocketException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
