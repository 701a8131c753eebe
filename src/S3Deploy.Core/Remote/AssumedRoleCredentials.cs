using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>
/// Credentials of an assumed role, renewed by the SDK before they expire. STS is reached as the SDK configures it
/// (region, AWS_ENDPOINT_URL_STS, which tests point at moto). A failure names the role and STS's error code, never the
/// token or the message STS sent with it.
/// </summary>
internal sealed class AssumedRoleCredentials(RoleOptions role, Func<AWSCredentials> source, string? region) : RefreshingAWSCredentials
{
    protected override CredentialsRefreshState GenerateNewCredentials() => GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region ?? "us-east-1") };
        try
        {
            Credentials credentials;
            if (role.WebIdentityToken is { } fetch)
            {
                var token = await fetch(CancellationToken.None);
                using var sts = new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), config);
                var request = new AssumeRoleWithWebIdentityRequest { RoleArn = role.RoleArn, RoleSessionName = role.SessionName, WebIdentityToken = token };
                credentials = (await sts.AssumeRoleWithWebIdentityAsync(request)).Credentials;
            }
            else
            {
                using var sts = new AmazonSecurityTokenServiceClient(source(), config);
                var request = new AssumeRoleRequest { RoleArn = role.RoleArn, RoleSessionName = role.SessionName, ExternalId = role.ExternalId };
                credentials = (await sts.AssumeRoleAsync(request)).Credentials;
            }

            return new CredentialsRefreshState(credentials.GetCredentials(), credentials.Expiration ?? DateTime.UtcNow.AddMinutes(15));
        }
        catch (AmazonServiceException e)
        {
            var how = role.WebIdentityToken is null ? "AssumeRole" : "AssumeRoleWithWebIdentity";
            throw new DeployException(
                DiagnosticCode.AssumeRoleFailed,
                FailureKind.Service,
                $"{how} of {role.RoleArn} failed ({e.ErrorCode ?? e.StatusCode.ToString()}). Check that the role exists, that its trust policy allows {(role.WebIdentityToken is null ? "the calling identity (and the external id)" : "this repository's OIDC token (audience sts.amazonaws.com)")}; STS's own message is not shown, since it may quote the request.");
        }
    }
}
