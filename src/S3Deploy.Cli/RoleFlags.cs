using System.CommandLine;
using S3Deploy.Core.Remote;

namespace S3Deploy.Cli;

/// <summary>--role-arn, --external-id, --role-session-name: a role assumed on top of the credentials the default chain (or --profile) finds.</summary>
internal sealed class RoleFlags
{
    private readonly Option<string?> roleArn = new("--role-arn") { HelpName = "ARN", Description = "Assume this IAM role (STS AssumeRole) with the credentials found, and deploy as it." };
    private readonly Option<string?> externalId = new("--external-id") { HelpName = "ID", Description = "External id the role's trust policy asks for (with --role-arn)." };
    private readonly Option<string?> sessionName = new("--role-session-name") { HelpName = "NAME", Description = $"Session name of the assumed role, shown in CloudTrail (default {RoleOptions.DefaultSessionName})." };

    public IEnumerable<Option> All => [roleArn, externalId, sessionName];

    public ConnectionOptions Apply(ConnectionOptions connection, ParseResult parse)
    {
        if (parse.GetValue(roleArn) is not { } arn)
        {
            return parse.GetValue(externalId) is null && parse.GetValue(sessionName) is null
                ? connection
                : throw Core.Diagnostics.DeployException.Usage(Core.Diagnostics.DiagnosticCode.BadOption, "--external-id and --role-session-name go with --role-arn.");
        }

        return connection with { Role = new RoleOptions(arn, parse.GetValue(externalId), parse.GetValue(sessionName)) };
    }
}
