using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace S3Deploy.Core.CloudFront;

/// <summary>The REST-XML bodies of the 2020-05-31 API: the one request body we send and the answers we read.</summary>
internal static class CloudFrontXml
{
    public static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    // Element order is the one the SDKs and the API reference use: CallerReference, then Paths with Items before Quantity.
    public static string InvalidationBatch(string callerReference, IReadOnlyList<string> paths) =>
        new XElement(
            Ns + "InvalidationBatch",
            new XElement(Ns + "CallerReference", callerReference),
            new XElement(
                Ns + "Paths",
                new XElement(Ns + "Items", paths.Select(p => new XElement(Ns + "Path", p))),
                new XElement(Ns + "Quantity", paths.Count.ToString(CultureInfo.InvariantCulture))))
        .ToString(SaveOptions.DisableFormatting);

    public static Invalidation ParseInvalidation(string body)
    {
        var root = Parse(body, "Invalidation");
        var created = (string?)root.Element(Ns + "CreateTime");
        return new Invalidation(
            Required(root, "Id"),
            Required(root, "Status"),
            created is null ? null : DateTimeOffset.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            root.Element(Ns + "InvalidationBatch")?.Element(Ns + "Paths")?.Element(Ns + "Items")?.Elements(Ns + "Path").Select(p => p.Value).ToList() ?? []);
    }

    public static DistributionConfig ParseDistributionConfig(string body)
    {
        var root = Parse(body, "DistributionConfig");
        var origins = root.Element(Ns + "Origins")?.Element(Ns + "Items")?.Elements(Ns + "Origin")
            .Select(o => new DistributionOrigin(Required(o, "Id"), Required(o, "DomainName"), (string?)o.Element(Ns + "OriginPath") ?? ""))
            .ToList() ?? [];
        var rootObject = (string?)root.Element(Ns + "DefaultRootObject");
        return new DistributionConfig(origins, string.IsNullOrEmpty(rootObject) ? null : rootObject);
    }

    /// <summary>GetDistribution's answer: the domain CloudFront serves the distribution at, and its config.</summary>
    public static (string DomainName, DistributionConfig Config) ParseDistribution(string body)
    {
        var root = Parse(body, "Distribution");
        var config = root.Element(Ns + "DistributionConfig") ?? throw new FormatException("CloudFront's <Distribution> has no <DistributionConfig>.");
        return (Required(root, "DomainName"), ParseDistributionConfig(config.ToString(SaveOptions.DisableFormatting)));
    }

    /// <summary>From one page of ListResponseHeadersPolicies: the id of the policy named <paramref name="name"/>, and the next page's marker.</summary>
    public static (string? Id, string? NextMarker) FindPolicy(string body, string name)
    {
        var root = Parse(body, "ResponseHeadersPolicyList");
        var id = root.Element(Ns + "Items")?.Elements(Ns + "ResponseHeadersPolicySummary")
            .Select(s => s.Element(Ns + "ResponseHeadersPolicy"))
            .FirstOrDefault(p => (string?)p?.Element(Ns + "ResponseHeadersPolicyConfig")?.Element(Ns + "Name") == name)?
            .Element(Ns + "Id")?.Value;
        var next = (string?)root.Element(Ns + "NextMarker");
        return (id, string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>CreateFunctionRequest (with a name) or UpdateFunctionRequest (without): config, then the code in base64.</summary>
    public static string FunctionRequest(string root, string? name, string comment, string runtime, string code) =>
        new XElement(
            Ns + root,
            name is null ? null : new XElement(Ns + "Name", name),
            new XElement(Ns + "FunctionConfig", new XElement(Ns + "Comment", comment), new XElement(Ns + "Runtime", runtime)),
            new XElement(Ns + "FunctionCode", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(code))))
        .ToString(SaveOptions.DisableFormatting);

    public static EdgeFunction ParseFunctionSummary(string body, string? etag)
    {
        var root = Parse(body, "FunctionSummary");
        var metadata = root.Element(Ns + "FunctionMetadata") ?? throw new FormatException("CloudFront's <FunctionSummary> has no <FunctionMetadata>.");
        return new EdgeFunction(
            Required(root, "Name"),
            (string?)root.Element(Ns + "FunctionConfig")?.Element(Ns + "Comment") ?? "",
            Required(metadata, "FunctionARN"),
            (string?)metadata.Element(Ns + "Stage") ?? "",
            etag ?? throw new FormatException("CloudFront described the function without an ETag."));
    }

    private static XElement Parse(string body, string rootName)
    {
        XElement? root;
        try
        {
            root = XDocument.Parse(body).Root;
        }
        catch (XmlException e)
        {
            throw new FormatException($"CloudFront answered a body that is not XML: {e.Message}", e);
        }

        return root is not null && root.Name == Ns + rootName
            ? root
            : throw new FormatException($"CloudFront answered <{root?.Name.LocalName}> where <{rootName}> in namespace {Ns} was expected.");
    }

    private static string Required(XElement parent, string name) =>
        (string?)parent.Element(Ns + name) ?? throw new FormatException($"CloudFront's <{parent.Name.LocalName}> has no <{name}>.");
}
