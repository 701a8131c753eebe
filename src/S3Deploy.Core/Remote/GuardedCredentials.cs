using System.Text.RegularExpressions;
using Amazon.Runtime;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>
/// Credentials whose failures say which provider failed and nothing else. A provider's own message can carry what it
/// printed (a credential_process echoes its stderr, which may hold a token), so it never reaches the output, not even
/// as the inner exception that --diagnostics prints.
/// </summary>
internal sealed partial class GuardedCredentials(Func<AWSCredentials> resolve, string? profile) : AWSCredentials
{
    public const string NoCredentialsMessage = "No AWS credentials were found. Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, pass --profile, sign in with 'aws sso login', or run where a role is available (GitHub OIDC, ECS, EC2).";

    public static string MissingProfileMessage(string profile) =>
        $"AWS_PROFILE names the profile '{profile}', which was not found in ~/.aws/config or ~/.aws/credentials (or has no usable credentials). Check AWS_PROFILE, or run 'aws configure --profile {profile}'.";

    private readonly Lazy<AWSCredentials> inner = new(() => Resolve(resolve));

    private string Profile => profile ?? Environment.GetEnvironmentVariable("AWS_PROFILE") ?? "default";

    public override ImmutableCredentials GetCredentials()
    {
        var provider = inner.Value;
        try
        {
            return provider.GetCredentials();
        }
        catch (Exception e) when (e is not DeployException and not OperationCanceledException)
        {
            throw Failed(provider, e);
        }
    }

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var provider = inner.Value;
        try
        {
            return await provider.GetCredentialsAsync();
        }
        catch (Exception e) when (e is not DeployException and not OperationCanceledException)
        {
            throw Failed(provider, e);
        }
    }

    /// <summary>What to call the provider in a message (which mechanism, which profile configured it), and what to do.</summary>
    internal static (string Name, string Next) Describe(AWSCredentials provider, string profile) => provider switch
    {
        ProcessAWSCredentials => ($"credential_process of profile '{profile}'", "Run the command by hand to see why"),
        SSOAWSCredentials => ($"SSO sign-in of profile '{profile}'", $"Sign in with 'aws sso login --profile {profile}' and run again"),
        AssumeRoleWithWebIdentityCredentials => ("web identity (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)", "Check that the token file exists and that the role trusts its issuer"),
        AssumeRoleAWSCredentials => ($"role_arn of profile '{profile}'", "Check the role and its source profile"),
        GenericContainerCredentials => ("container credentials endpoint (AWS_CONTAINER_CREDENTIALS_*)", "Check the task role"),
        _ => ($"credential provider {provider.GetType().Name}", "Check its configuration"),
    };

    private static AWSCredentials Resolve(Func<AWSCredentials> resolve)
    {
        try
        {
            return resolve();
        }
        catch (AmazonClientException) when (Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 } named && !new Amazon.Runtime.CredentialManagement.CredentialProfileStoreChain().TryGetProfile(named, out _))
        {
            // Not a network problem: AWS_PROFILE names a profile that is in neither ~/.aws/config nor ~/.aws/credentials.
            throw new DeployException(DiagnosticCode.NoCredentials, FailureKind.Usage, MissingProfileMessage(named));
        }
        catch (AmazonClientException)
        {
            throw new DeployException(DiagnosticCode.NoCredentials, FailureKind.Service, NoCredentialsMessage);
        }
    }

    private DeployException Failed(AWSCredentials provider, Exception e)
    {
        var exit = ExitValue().Match(e.Message);
        var how = exit.Success ? $"exit code {exit.Groups[1].Value}" : e.GetType().Name;
        var (name, next) = Describe(provider, Profile);
        return new DeployException(
            DiagnosticCode.CredentialProviderFailed,
            FailureKind.Service,
            $"The {name} failed ({how}). {next}; its own message is not shown, since it may hold secrets.");
    }

    [GeneratedRegex(@"exit value (-?\d+)")]
    private static partial Regex ExitValue();
}
