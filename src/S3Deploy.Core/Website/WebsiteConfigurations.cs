using Amazon.S3.Model;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Website;

/// <summary>The bucket's website configuration S3Deploy wants, and a canonical text of one to compare with what the bucket has.</summary>
internal static class WebsiteConfigurations
{
    public static WebsiteConfiguration Desired(WebsiteSettings settings, S3Target target)
    {
        var error = settings.Spa ? settings.Index : settings.Error;
        return new WebsiteConfiguration
        {
            IndexDocumentSuffix = settings.Index,
            ErrorDocument = error is null ? null : target.KeyFor(error),
            RoutingRules = settings.RoutingRules.Select(ToS3).ToList(),
        };
    }

    /// <summary>The website part of a plan: create when the bucket has none, update when it differs, else nothing to do.</summary>
    public static WebsiteChange Plan(WebsiteSettings settings, WebsiteConfiguration? current, S3Target target, string url)
    {
        var desired = Desired(settings, target);
        var change = current is null ? WebsiteChangeKind.Create : Canonical(current) == Canonical(desired) ? WebsiteChangeKind.None : WebsiteChangeKind.Update;
        return new WebsiteChange(change, settings, url) { Current = current, Desired = desired };
    }

    /// <summary>Equal texts mean equal configurations; absent and empty fields are the same to S3.</summary>
    public static string Canonical(WebsiteConfiguration? config) =>
        config is null
            ? ""
            : string.Join(
                "\n",
                [
                    "index=" + config.IndexDocumentSuffix,
                    "error=" + config.ErrorDocument,
                    "all=" + config.RedirectAllRequestsTo?.HostName + "|" + config.RedirectAllRequestsTo?.Protocol,
                    .. (config.RoutingRules ?? []).Select(r => string.Join(
                        "|",
                        r.Condition?.KeyPrefixEquals,
                        r.Condition?.HttpErrorCodeReturnedEquals,
                        r.Redirect?.Protocol,
                        r.Redirect?.HostName,
                        r.Redirect?.ReplaceKeyPrefixWith,
                        r.Redirect?.ReplaceKeyWith,
                        r.Redirect?.HttpRedirectCode)),
                ]);

    private static RoutingRule ToS3(WebsiteRoutingRule rule) => new()
    {
        Condition = rule.KeyPrefixEquals is null && rule.HttpErrorCodeReturnedEquals is null
            ? null
            : new RoutingRuleCondition { KeyPrefixEquals = rule.KeyPrefixEquals, HttpErrorCodeReturnedEquals = rule.HttpErrorCodeReturnedEquals },
        Redirect = new RoutingRuleRedirect
        {
            Protocol = rule.Protocol,
            HostName = rule.HostName,
            ReplaceKeyPrefixWith = rule.ReplaceKeyPrefixWith,
            ReplaceKeyWith = rule.ReplaceKeyWith,
            HttpRedirectCode = rule.HttpRedirectCode,
        },
    };
}
