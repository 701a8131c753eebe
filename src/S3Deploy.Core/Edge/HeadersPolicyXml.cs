using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using S3Deploy.Core.CloudFront;

namespace S3Deploy.Core.Edge;

/// <summary>A ResponseHeadersPolicyConfig for the "headers" section, elements in the model's order, every header overriding the origin's.</summary>
internal static class HeadersPolicyXml
{
    private static readonly XNamespace Ns = CloudFrontXml.Ns;

    /// <summary>The policy config, its comment carrying a hash of the rest so an unchanged policy is never rewritten.</summary>
    public static XElement Build(string name, ResponseHeaders headers)
    {
        var security = new XElement(
            Ns + "SecurityHeadersConfig",
            headers.FrameOption is { } frame ? new XElement(Ns + "FrameOptions", Override(), new XElement(Ns + "FrameOption", frame)) : null,
            headers.ReferrerPolicy is { } referrer ? new XElement(Ns + "ReferrerPolicy", Override(), new XElement(Ns + "ReferrerPolicy", referrer)) : null,
            headers.ContentSecurityPolicy is { } csp ? new XElement(Ns + "ContentSecurityPolicy", Override(), new XElement(Ns + "ContentSecurityPolicy", csp)) : null,
            headers.ContentTypeOptions ? new XElement(Ns + "ContentTypeOptions", Override()) : null,
            headers.Hsts is { } hsts
                ? new XElement(Ns + "StrictTransportSecurity", Override(), new XElement(Ns + "IncludeSubdomains", Bool(hsts.IncludeSubdomains)), new XElement(Ns + "Preload", Bool(hsts.Preload)), new XElement(Ns + "AccessControlMaxAgeSec", hsts.MaxAgeSeconds.ToString(CultureInfo.InvariantCulture)))
                : null);
        var custom = new XElement(
            Ns + "CustomHeadersConfig",
            new XElement(Ns + "Quantity", headers.Custom.Count.ToString(CultureInfo.InvariantCulture)),
            headers.Custom.Count == 0 ? null : new XElement(Ns + "Items", headers.Custom.Select(h => new XElement(Ns + "ResponseHeadersPolicyCustomHeader", new XElement(Ns + "Header", h.Key), new XElement(Ns + "Value", h.Value), Override()))));
        var body = new XElement(Ns + "ResponseHeadersPolicyConfig", new XElement(Ns + "Name", name), security.HasElements ? security : null, custom);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.ToString(SaveOptions.DisableFormatting))))[..32];
        body.AddFirst(new XElement(Ns + "Comment", "s3deploy " + hash));
        return body;
    }

    public static string Comment(XElement config) => (string?)config.Element(Ns + "Comment") ?? "";

    public static string Name(XElement config) => (string?)config.Element(Ns + "Name") ?? "";

    private static XElement Override() => new(Ns + "Override", "true");

    private static string Bool(bool value) => value ? "true" : "false";
}
