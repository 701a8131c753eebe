using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>
/// A role to assume on top of the default chain (AssumeRole), or with a web identity token (AssumeRoleWithWebIdentity,
/// GitHub's OIDC). The token is fetched when needed and never kept here, so no ToString or log can show it.
/// </summary>
public sealed class RoleOptions
{
    public const string DefaultSessionName = "s3deploy";

    public RoleOptions(string roleArn, string? externalId = null, string? sessionName = null, Func<CancellationToken, Task<string>>? webIdentityToken = null)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(roleArn, @"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}$"))
        {
            throw DeployException.Usage(DiagnosticCode.BadRoleArn, $"'{Headers.HeaderValues.Printable(roleArn)}' is not an IAM role ARN such as arn:aws:iam::123456789012:role/site-deploy.");
        }

        if (sessionName is not null && !System.Text.RegularExpressions.Regex.IsMatch(sessionName, @"^[\w+=,.@-]{2,64}$"))
        {
            throw DeployException.Usage(DiagnosticCode.BadOption, $"The role session name '{Headers.HeaderValues.Printable(sessionName)}' must be 2-64 characters: letters, digits and +=,.@_- (an STS rule).");
        }

        RoleArn = roleArn;
        ExternalId = externalId;
        SessionName = sessionName ?? DefaultSessionName;
        WebIdentityToken = webIdentityToken;
    }

    public string RoleArn { get; }

    public string? ExternalId { get; }

    public string SessionName { get; }

    /// <summary>Where a web identity token comes from; null assumes the role with the default chain's credentials.</summary>
    public Func<CancellationToken, Task<string>>? WebIdentityToken { get; }

    public override string ToString() => $"role {RoleArn} (session {SessionName}{(WebIdentityToken is null ? "" : ", web identity")})";
}
