using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>The one place S3 clients are made, so tests and S3-compatible services only differ in the endpoint.</summary>
internal static class S3ClientFactory
{
    public static IAmazonS3 Create(ConnectionOptions connection)
    {
        // Standard mode on purpose: exponential backoff with jitter for 5xx, SlowDown and throttling, bounded by a retry
        // quota so an outage fails fast instead of hammering S3; five attempts ride out a burst of SlowDown.
        var config = new AmazonS3Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 4,
            HttpClientFactory = new TimeoutHttpClientFactory(connection.Timeout),
        };
        var credentials = Credentials(connection);
        var region = connection.Region ?? (connection.Profile is null ? null : ProfileRegion(connection.Profile));
        if (connection.EndpointUrl is { } endpoint)
        {
            // S3-compatible servers want path-style addressing and plain bodies: aws-chunked bodies and trailing
            // checksums get stored raw by some of them, corrupting the object.
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            CheckFallbackRegion();
        }

        var client = new AmazonS3Client(credentials, config);
        if (connection.EndpointUrl is not null)
        {
            client.BeforeRequestEvent += (_, e) =>
            {
                if (e is WebServiceRequestEventArgs request && request.Headers.TryGetValue(CopySourceHeader.Name, out var value))
                {
                    request.Headers[CopySourceHeader.Name] = CopySourceHeader.Reencode(value);
                }
            };
        }

        return client;
    }

    public static bool UsesCustomEndpoint(ConnectionOptions connection) => connection.EndpointUrl is not null;

    /// <summary>The credentials of <see cref="Credentials(string?)"/>, with the role assumed on top when one is given.</summary>
    internal static AWSCredentials Credentials(ConnectionOptions connection)
    {
        var found = new Lazy<AWSCredentials>(() => Credentials(connection.Profile));
        if (connection.Role is not { } role)
        {
            return found.Value;
        }

        var region = connection.Region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? (connection.Profile is null ? null : ProfileRegion(connection.Profile));
        return new AssumedRoleCredentials(role, () => found.Value, region is not null && ConnectionOptions.IsAwsRegion(region) ? region : null);
    }

    /// <summary>The named profile (checked now, so a wrong name fails before anything starts), else the SDK's default chain.</summary>
    internal static AWSCredentials Credentials(string? profile)
    {
        if (profile is null)
        {
            return new GuardedCredentials(() => DefaultAWSCredentialsIdentityResolver.GetCredentials(), null);
        }

        var loaded = LoadProfile(profile);
        return new GuardedCredentials(() => loaded, profile);
    }

    private static AWSCredentials LoadProfile(string profile)
    {
        var chain = new CredentialProfileStoreChain();
        if (!chain.TryGetAWSCredentials(profile, out var credentials))
        {
            throw DeployException.Usage(DiagnosticCode.NoCredentials, $"AWS profile '{profile}' was not found in ~/.aws/config or ~/.aws/credentials (or it has no usable credentials). Check the name, or run 'aws configure --profile {profile}'.");
        }

        return credentials;
    }

    /// <summary>
    /// Without a region the SDK fails with "No RegionEndpoint or ServiceURL configured", which says nothing about the fix;
    /// a malformed AWS_REGION gets the check --region gets instead of a network error.
    /// </summary>
    private static void CheckFallbackRegion()
    {
        var region = FallbackRegion()?.SystemName;
        var environment = Environment.GetEnvironmentVariable("AWS_REGION");
        if (region is not null && ConnectionOptions.IsAwsRegion(region))
        {
            return;
        }

        if (region is not null || environment is { Length: > 0 })
        {
            throw DeployException.Usage(DiagnosticCode.BadOption, $"The region '{region ?? environment}' (from AWS_REGION or the profile) is not an AWS region such as us-east-1 or eu-west-2. Fix it, or pass --region.");
        }

        throw DeployException.Usage(DiagnosticCode.NoRegion, "No AWS region is configured. Set AWS_REGION (e.g. export AWS_REGION=eu-west-1), pass --region, or set a region in your profile (aws configure set region eu-west-1); for an S3-compatible service pass --endpoint-url.");
    }

    /// <summary>The region the SDK would find itself: AWS_REGION, the default profile's region, instance metadata.</summary>
    private static RegionEndpoint? FallbackRegion()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint();
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    private static string? ProfileRegion(string profile) =>
        new CredentialProfileStoreChain().TryGetProfile(profile, out var p) ? p.Region?.SystemName : null;
}
