using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Scanning;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>The policy, rules and described files the header policy tests share.</summary>
internal static class HeaderPolicies
{
    public static HeaderPolicy Policy(params HeaderRule[] rules) => Policy(new HeaderSettings { Rules = rules });

    public static HeaderPolicy Policy(HeaderSettings settings) => new(settings, MimeTypes.Default);

    public static HeaderRule Rule(string glob) => new(Glob.Parse(glob));

    /// <summary>As the planner sees it: the policy's decision on the scanned file.</summary>
    public static DesiredObject Describe(HeaderPolicy policy, string key)
    {
        var file = File(key, "bytes of " + key);
        return DesiredObject.From(file, policy.Describe(file));
    }
}
