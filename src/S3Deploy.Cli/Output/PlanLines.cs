using S3Deploy.Core.Planning;
using S3Deploy.Core.Website;

namespace S3Deploy.Cli.Output;

/// <summary>The bucket-level changes of a plan, one line each, in the shape of the object lines ("upload (new)  key").</summary>
internal static class PlanLines
{
    public static IEnumerable<string> Settings(DeployPlan plan, string target)
    {
        if (plan.Website is { } website)
        {
            var change = website.Change switch { WebsiteChangeKind.Create => "create", WebsiteChangeKind.Update => "update", _ => "unchanged" };
            yield return $"website ({change})  {HostingText.Website(website.Wanted)}";
        }

        if (plan.Access is { } access)
        {
            yield return access.Block.Changes
                ? $"public access block (update)  BlockPublicPolicy and RestrictPublicBuckets off, the ACL settings as they are ({HostingText.Flags(access.Block.After)})"
                : $"public access block (unchanged)  {HostingText.Flags(access.Block.Before)}";
            var policy = access.Policy.Change switch { PolicyChangeKind.Add => "add", PolicyChangeKind.Replace => "replace", _ => "unchanged" };
            yield return $"bucket policy ({policy})  {string.Join(", ", access.Policy.StatementIds)}: anyone may read {target}/*, the deploy manifest stays private";
        }

        foreach (var line in HostingJson.Lines(plan.Hosting))
        {
            yield return line;
        }
    }
}
