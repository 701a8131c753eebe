using S3Deploy.Core.Text;

namespace S3Deploy.Core.Website;

/// <summary>The words for hosting settings, the same in a plan's lines and in what a deploy says it changed.</summary>
internal static class HostingText
{
    public static string Website(WebsiteSettings settings)
    {
        var error = settings.Spa ? $"{settings.Index} (single-page app)" : settings.Error ?? "none";
        return $"index {settings.Index}, error document {error}, {Plural.Of(settings.RoutingRules.Count, "routing rule")}";
    }

    public static string Flags(AccessBlockFlags? flags) => flags is null
        ? "none configured"
        : $"BlockPublicAcls {OnOff(flags.BlockPublicAcls)}, IgnorePublicAcls {OnOff(flags.IgnorePublicAcls)}, BlockPublicPolicy {OnOff(flags.BlockPublicPolicy)}, RestrictPublicBuckets {OnOff(flags.RestrictPublicBuckets)}";

    private static string OnOff(bool on) => on ? "on" : "off";
}
