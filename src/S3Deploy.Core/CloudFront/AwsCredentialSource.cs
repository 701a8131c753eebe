using Amazon.Runtime;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.CloudFront;

/// <summary>
/// Credential sources for hand-signed requests. Each call asks again, so refreshing credentials (SSO, web identity,
/// instance roles) stay fresh across long waits.
/// </summary>
internal static class AwsCredentialSource
{
    /// <summary>The named profile when given, else the SDK's default chain, as S3ClientFactory does for S3.</summary>
    public static Func<CancellationToken, Task<ImmutableCredentials>> For(string? profile) =>
        profile is null ? Default() : FromProfile(profile);

    /// <summary>With a role to assume, as S3ClientFactory does for S3.</summary>
    public static Func<CancellationToken, Task<ImmutableCredentials>> For(ConnectionOptions connection) =>
        From(new Lazy<AWSCredentials>(() => S3ClientFactory.Credentials(connection)));

    public static Func<CancellationToken, Task<ImmutableCredentials>> Default() =>
        From(new Lazy<AWSCredentials>(() => S3ClientFactory.Credentials((string?)null)));

    public static Func<CancellationToken, Task<ImmutableCredentials>> FromProfile(string profile) =>
        From(new Lazy<AWSCredentials>(() => S3ClientFactory.Credentials(profile)));

    public static Func<CancellationToken, Task<ImmutableCredentials>> Fixed(string accessKey, string secretKey, string? sessionToken = null)
    {
        var credentials = new ImmutableCredentials(accessKey, secretKey, sessionToken);
        return _ => Task.FromResult(credentials);
    }

    private static Func<CancellationToken, Task<ImmutableCredentials>> From(Lazy<AWSCredentials> source) => async cancellationToken =>
    {
        try
        {
            return await source.Value.GetCredentialsAsync().WaitAsync(cancellationToken);
        }
        catch (AmazonClientException e)
        {
            throw new DeployException(DiagnosticCode.NoCredentials, FailureKind.Service, GuardedCredentials.NoCredentialsMessage, e);
        }
    };
}
