using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Website;

/// <summary>
/// The bucket policy statements that make the deployed prefix readable by anyone, merged into whatever policy the bucket has.
/// The deploy manifest stays private: an explicit Deny for anonymous callers beats the Allow, while the deployer's own
/// identity (never anonymous) still reads it.
/// </summary>
internal static class PublicReadPolicy
{
    /// <returns>The policy to write, or null when the existing one already holds exactly these statements.</returns>
    public static string? Merge(string? existingPolicy, string bucket, string prefix, string partition = "aws") =>
        Plan(existingPolicy, bucket, prefix, partition).Document;

    /// <summary>Whether the statements must be added or replaced, and the whole document to write when they must.</summary>
    /// <exception cref="DeployException">S3D026 when the existing policy is not a JSON object.</exception>
    public static PolicyChange Plan(string? existingPolicy, string bucket, string prefix, string partition = "aws")
    {
        var policy = string.IsNullOrWhiteSpace(existingPolicy) ? new JsonObject { ["Version"] = "2012-10-17" } : Parse(existingPolicy, bucket);
        var statements = policy["Statement"] switch
        {
            JsonArray array => array,
            JsonObject single => new JsonArray(single.DeepClone()),
            _ => new JsonArray(),
        };
        var (allowSid, denySid) = Sids(prefix);
        var wanted = new[] { Allow(allowSid, bucket, prefix, partition), HideManifest(denySid, bucket, prefix, partition) };
        var kept = statements.Where(s => s?["Sid"]?.GetValue<string>() is not { } sid || (sid != allowSid && sid != denySid)).Select(s => s!.DeepClone()).ToList();
        var existing = statements.Where(s => s?["Sid"]?.GetValue<string>() == allowSid || s?["Sid"]?.GetValue<string>() == denySid).ToList();
        if (existing.Count == wanted.Length && existing.Zip(wanted).All(p => JsonNode.DeepEquals(p.First, p.Second)))
        {
            return new PolicyChange(PolicyChangeKind.None, [allowSid, denySid], kept.Count);
        }

        policy["Statement"] = new JsonArray([.. kept, .. wanted]);
        var change = existing.Count == 0 ? PolicyChangeKind.Add : PolicyChangeKind.Replace;
        return new PolicyChange(change, [allowSid, denySid], kept.Count) { Document = policy.ToJsonString() };
    }

    /// <summary>A policy we cannot read is never overwritten: rewriting it could drop statements its owner relies on.</summary>
    private static JsonObject Parse(string policy, string bucket)
    {
        try
        {
            if (JsonNode.Parse(policy) is JsonObject parsed)
            {
                return parsed;
            }
        }
        catch (JsonException)
        {
            // Reported below, with the start of the text that is there instead.
        }

        var start = policy.Length > 60 ? policy[..60] + "…" : policy;
        throw DeployException.Refused(DiagnosticCode.PolicyNotJson, $"The bucket policy of '{bucket}' is not a JSON object (it starts '{start.ReplaceLineEndings(" ")}'), so --public will not rewrite it. Fix or delete it ('aws s3api get-bucket-policy --bucket {bucket}'), then run again.");
    }

    public static string PartitionOf(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn" : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";

    /// <summary>Sids carry a short hash of the prefix, so deploys of several prefixes to one bucket each keep their own statements.</summary>
    private static (string Allow, string Deny) Sids(string prefix)
    {
        var suffix = prefix.Length == 0 ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(prefix)))[..8];
        return ("S3DeployPublicRead" + suffix, "S3DeployHideManifest" + suffix);
    }

    private static string Resource(string partition, string bucket, string prefix, string path) =>
        $"arn:{partition}:s3:::{bucket}/{(prefix.Length == 0 ? "" : prefix + "/")}{path}";

    private static JsonObject Allow(string sid, string bucket, string prefix, string partition) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Principal"] = "*",
        ["Action"] = "s3:GetObject",
        ["Resource"] = Resource(partition, bucket, prefix, "*"),
    };

    private static JsonObject HideManifest(string sid, string bucket, string prefix, string partition) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Deny",
        ["Principal"] = "*",
        ["Action"] = "s3:GetObject",
        ["Resource"] = Resource(partition, bucket, prefix, ".s3deploy/*"),
        ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["aws:PrincipalType"] = "Anonymous" } },
    };
}
