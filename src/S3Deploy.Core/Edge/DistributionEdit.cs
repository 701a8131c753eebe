using System.Globalization;
using System.Xml.Linq;
using S3Deploy.Core.CloudFront;

namespace S3Deploy.Core.Edge;

/// <summary>
/// The changes hosting makes to a whole DistributionConfig, leaving every other element as read: the function on the
/// default behaviour's viewer request, and custom error responses for 403 and 404 (error document, or SPA index with 200).
/// </summary>
internal static class DistributionEdit
{
    private static readonly XNamespace Ns = CloudFrontXml.Ns;

    // DefaultCacheBehavior's members in the model's order, to place an element the service left out.
    private static readonly string[] BehaviorOrder =
        ["TargetOriginId", "TrustedSigners", "TrustedKeyGroups", "ViewerProtocolPolicy", "AllowedMethods", "SmoothStreaming", "Compress", "LambdaFunctionAssociations", "FunctionAssociations",
         "FieldLevelEncryptionId", "RealtimeLogConfigArn", "CachePolicyId", "OriginRequestPolicyId", "ResponseHeadersPolicyId"];

    private static readonly string[] ConfigOrder = ["CallerReference", "Aliases", "DefaultRootObject", "Origins", "OriginGroups", "DefaultCacheBehavior", "CacheBehaviors", "CustomErrorResponses"];

    /// <summary>A changed copy of <paramref name="config"/>, and one line per change (none when it already serves the site).</summary>
    public static (XElement Config, IReadOnlyList<string> Changes) Apply(XElement config, string functionArn, string? errorPage, string? spaPage, string? headersPolicyId = null)
    {
        var edited = new XElement(config);
        var changes = new List<string>();
        var behavior = edited.Element(Ns + "DefaultCacheBehavior") ?? throw new FormatException("The distribution's config has no <DefaultCacheBehavior>.");
        var associations = Child(behavior, "FunctionAssociations", BehaviorOrder);
        var items = associations.Elements(Ns + "Items").Elements(Ns + "FunctionAssociation").ToList();
        var current = items.FirstOrDefault(a => (string?)a.Element(Ns + "EventType") == "viewer-request");
        if ((string?)current?.Element(Ns + "FunctionARN") != functionArn)
        {
            current?.Remove();
            var kept = items.Where(a => a != current).ToList();
            kept.Add(new XElement(Ns + "FunctionAssociation", new XElement(Ns + "FunctionARN", functionArn), new XElement(Ns + "EventType", "viewer-request")));
            associations.ReplaceNodes(Quantity(kept.Count), new XElement(Ns + "Items", kept));
            changes.Add($"viewer-request function → {functionArn}");
        }

        if (headersPolicyId is not null && (string?)behavior.Element(Ns + "ResponseHeadersPolicyId") != headersPolicyId)
        {
            var element = behavior.Element(Ns + "ResponseHeadersPolicyId") ?? Child(behavior, "ResponseHeadersPolicyId", BehaviorOrder);
            element.ReplaceNodes(headersPolicyId);
            changes.Add($"response headers policy → {headersPolicyId}");
        }

        var wanted = spaPage is not null
            ? new[] { (403, spaPage, "200"), (404, spaPage, "200") }
            : errorPage is null ? [] : [(403, errorPage, "404"), (404, errorPage, "404")];
        if (wanted.Length > 0)
        {
            var responses = Child(edited, "CustomErrorResponses", ConfigOrder);
            var existing = responses.Elements(Ns + "Items").Elements(Ns + "CustomErrorResponse").ToList();
            var others = existing.Where(r => wanted.All(w => (int?)r.Element(Ns + "ErrorCode") != w.Item1)).ToList();
            var ours = wanted.Select(w => existing.FirstOrDefault(r => Same(r, w)) ?? ErrorResponse(w)).ToList();
            foreach (var w in wanted.Where(w => !existing.Any(r => Same(r, w))))
            {
                changes.Add($"error {w.Item1} → {w.Item2} ({w.Item3})");
            }

            var all = others.Concat(ours).OrderBy(r => (int?)r.Element(Ns + "ErrorCode")).ToList();
            responses.ReplaceNodes(Quantity(all.Count), new XElement(Ns + "Items", all));
        }

        return (changes.Count == 0 ? config : edited, changes);
    }

    private static bool Same(XElement response, (int Code, string Page, string Status) wanted) =>
        (int?)response.Element(Ns + "ErrorCode") == wanted.Code
        && (string?)response.Element(Ns + "ResponsePagePath") == wanted.Page
        && (string?)response.Element(Ns + "ResponseCode") == wanted.Status;

    private static XElement ErrorResponse((int Code, string Page, string Status) w) => new(
        Ns + "CustomErrorResponse",
        new XElement(Ns + "ErrorCode", w.Code),
        new XElement(Ns + "ResponsePagePath", w.Page),
        new XElement(Ns + "ResponseCode", w.Status),
        new XElement(Ns + "ErrorCachingMinTTL", 10));

    private static XElement Quantity(int count) => new(Ns + "Quantity", count.ToString(CultureInfo.InvariantCulture));

    /// <summary>The child, or a new empty one placed after the siblings the model puts before it.</summary>
    private static XElement Child(XElement parent, string name, string[] order)
    {
        if (parent.Element(Ns + name) is { } found)
        {
            return found;
        }

        var created = new XElement(Ns + name, Quantity(0));
        var before = order.TakeWhile(n => n != name).Select(n => parent.Element(Ns + n)).LastOrDefault(e => e is not null);
        if (before is null)
        {
            parent.AddFirst(created);
        }
        else
        {
            before.AddAfterSelf(created);
        }

        return created;
    }
}
