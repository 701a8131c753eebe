using System.CommandLine;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Cli;

/// <summary>Where and as whom to connect, for the commands that are not a deploy (remove, previews prune).</summary>
internal sealed class ConnectionFlags
{
    private readonly Option<string?> region = new("--region") { HelpName = "REGION", Description = "AWS region of the bucket (default: AWS_REGION or the profile's region)." };
    private readonly Option<string?> profile = new("--profile") { HelpName = "NAME", Description = "Named profile from ~/.aws/config or ~/.aws/credentials." };
    private readonly Option<string?> endpointUrl = new("--endpoint-url") { HelpName = "URL", Description = "URL of an S3-compatible service; uses path-style addressing." };

    private readonly RoleFlags role = new();

    public IEnumerable<Option> All => [region, profile, endpointUrl, .. role.All];

    public ConnectionOptions ToOptions(ParseResult parse)
    {
        var url = parse.GetValue(endpointUrl);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw DeployException.Usage(DiagnosticCode.BadOption, $"--endpoint-url: '{url}' is not an absolute http:// or https:// URL.");
        }

        return role.Apply(new ConnectionOptions(parse.GetValue(region), parse.GetValue(profile), url), parse);
    }
}
