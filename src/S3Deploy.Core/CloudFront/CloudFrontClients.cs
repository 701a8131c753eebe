using System.Collections.Concurrent;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.CloudFront;

/// <summary>The CloudFront client of a deploy: the same credentials as S3, and the same idle timeout and floor rate.</summary>
internal static class CloudFrontClients
{
    // One HttpClient per --timeout, shared by every deploy in the process.
    private static readonly ConcurrentDictionary<TimeSpan, HttpClient> SharedHttp = new();

    public static CloudFrontClient For(ConnectionOptions connection, CloudFrontSettings settings, HttpClient? http) => new(
        http ?? SharedHttp.GetOrAdd(connection.Timeout, timeout => TimeoutHttpClientFactory.Create(timeout)),
        connection.Role is null ? AwsCredentialSource.For(connection.Profile) : AwsCredentialSource.For(connection),
        settings.EndpointUrl is { } url ? CloudFrontEndpoint.FromUrl(url) : CloudFrontEndpoint.Global);
}
