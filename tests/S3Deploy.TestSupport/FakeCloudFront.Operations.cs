using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace S3Deploy.TestSupport;

/// <summary>The three operations a deploy calls (CreateInvalidation, GetInvalidation, GetDistributionConfig) and their XML.</summary>
internal sealed partial class FakeCloudFront
{
    private Answer Route(string method, string path, byte[] body)
    {
        var match = RoutePattern().Match(path);
        if (!match.Success)
        {
            return Error(404, "NotFound", $"No operation at {path}.");
        }

        var distributionId = Uri.UnescapeDataString(match.Groups["id"].Value);
        if (!distributions.TryGetValue(distributionId, out var distribution))
        {
            return Error(404, "NoSuchDistribution", "The specified distribution does not exist.");
        }

        return (method, match.Groups["op"].Value, match.Groups["inv"].Success) switch
        {
            ("POST", "invalidation", false) => CreateInvalidation(distributionId, body),
            ("GET", "invalidation", true) => GetInvalidation(distributionId, Uri.UnescapeDataString(match.Groups["inv"].Value)),
            ("GET", "config", false) => Config(distributionId, distribution),
            ("GET", "", false) => GetDistribution(distributionId, distribution),
            _ => Error(405, "MethodNotAllowed", $"{method} is not allowed on {path}."),
        };
    }

    private Answer CreateInvalidation(string distributionId, byte[] body)
    {
        XElement batch;
        try
        {
            batch = XDocument.Parse(Encoding.UTF8.GetString(body)).Root!;
        }
        catch (XmlException e)
        {
            return Error(400, "MalformedInput", e.Message);
        }

        var paths = batch.Element(Ns + "Paths");
        var items = paths?.Element(Ns + "Items")?.Elements().ToList();
        if (paths is null || items is null
            || batch.Name != Ns + "InvalidationBatch"
            || !batch.Elements().Select(e => e.Name.LocalName).SequenceEqual(["CallerReference", "Paths"])
            || !paths.Elements().Select(e => e.Name.LocalName).SequenceEqual(["Items", "Quantity"])
            || items.Any(i => i.Name != Ns + "Path"))
        {
            return Error(400, "MalformedInput", "Expected InvalidationBatch(CallerReference, Paths(Items(Path*), Quantity)) in the 2020-05-31 namespace.");
        }

        if ((string?)paths.Element(Ns + "Quantity") != items.Count.ToString(CultureInfo.InvariantCulture))
        {
            return Error(400, "InconsistentQuantities", "Your request contains a quantity that does not match the number of items.");
        }

        var reference = (string)batch.Element(Ns + "CallerReference")!;
        var requested = items.Select(i => i.Value).ToList();
        if (requested.Count == 0 || requested.Any(p => !p.StartsWith('/')))
        {
            return Error(400, "InvalidArgument", "Each path must start with '/'.");
        }

        var list = invalidations.TryGetValue(distributionId, out var existing) ? existing : invalidations[distributionId] = [];
        if (list.Find(i => i.CallerReference == reference) is { } earlier)
        {
            return earlier.Paths.SequenceEqual(requested)
                ? InvalidationAnswer(201, earlier, distributionId)
                : Error(409, "InvalidationBatchAlreadyExists", "A batch with this CallerReference and other paths already exists.");
        }

        var invalidation = new StoredInvalidation($"I{++created:D4}FAKE", reference, requested, DateTimeOffset.UtcNow);
        list.Add(invalidation);
        polls[invalidation.Id] = 0;
        return InvalidationAnswer(201, invalidation, distributionId);
    }

    private Answer GetInvalidation(string distributionId, string id)
    {
        var invalidation = invalidations.GetValueOrDefault(distributionId)?.Find(i => i.Id == id);
        if (invalidation is null)
        {
            return Error(404, "NoSuchInvalidation", "The specified invalidation does not exist.");
        }

        polls[id]++;
        return InvalidationAnswer(200, invalidation, distributionId);
    }

    private Answer InvalidationAnswer(int status, StoredInvalidation invalidation, string distributionId)
    {
        var body = new XElement(
            Ns + "Invalidation",
            new XElement(Ns + "Id", invalidation.Id),
            new XElement(Ns + "Status", polls[invalidation.Id] > PollsBeforeCompleted ? "Completed" : "InProgress"),
            new XElement(Ns + "CreateTime", invalidation.CreateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            new XElement(
                Ns + "InvalidationBatch",
                new XElement(Ns + "Paths", new XElement(Ns + "Quantity", invalidation.Paths.Count), new XElement(Ns + "Items", invalidation.Paths.Select(p => new XElement(Ns + "Path", p)))),
                new XElement(Ns + "CallerReference", invalidation.CallerReference)));
        return new Answer(status, Xml(body), status == 201 ? [("Location", $"{Endpoint}2020-05-31/distribution/{distributionId}/invalidation/{invalidation.Id}")] : []);
    }

    /// <summary>The distribution's own domain, as GetDistribution answers it.</summary>
    public static string DomainName(string id) => $"{id.ToLowerInvariant()}.cloudfront.net";

    private Answer GetDistribution(string id, Distribution distribution)
    {
        var (config, version) = StoredConfig(id, distribution);
        var body = new XElement(Ns + "Distribution", new XElement(Ns + "Id", id), new XElement(Ns + "Status", "Deployed"), new XElement(Ns + "DomainName", DomainName(id)), new XElement(config));
        return new Answer(200, Xml(body), [("ETag", ConfigETag(id, version))]);
    }

    private Answer Config(string id, Distribution distribution)
    {
        var (config, version) = StoredConfig(id, distribution);
        return new Answer(200, Xml(config), [("ETag", ConfigETag(id, version))]);
    }

    private static XElement InitialConfig(Distribution distribution) =>
        new XElement(
            Ns + "DistributionConfig",
            new XElement(Ns + "CallerReference", "fake-" + distribution.Bucket),
            new XElement(Ns + "Aliases", new XElement(Ns + "Quantity", 0)),
            new XElement(Ns + "DefaultRootObject", distribution.DefaultRootObject ?? ""),
            new XElement(
                Ns + "Origins",
                new XElement(Ns + "Quantity", 1),
                new XElement(
                    Ns + "Items",
                    new XElement(
                        Ns + "Origin",
                        new XElement(Ns + "Id", "S3-" + distribution.Bucket),
                        new XElement(Ns + "DomainName", $"{distribution.Bucket}.s3.us-east-1.amazonaws.com"),
                        new XElement(Ns + "OriginPath", distribution.OriginPath),
                        new XElement(Ns + "S3OriginConfig", new XElement(Ns + "OriginAccessIdentity"))))),
            new XElement(
                Ns + "DefaultCacheBehavior",
                new XElement(Ns + "TargetOriginId", "S3-" + distribution.Bucket),
                new XElement(Ns + "ViewerProtocolPolicy", "redirect-to-https"),
                new XElement(Ns + "Compress", true),
                new XElement(Ns + "LambdaFunctionAssociations", new XElement(Ns + "Quantity", 0)),
                new XElement(Ns + "FunctionAssociations", new XElement(Ns + "Quantity", 0)),
                new XElement(Ns + "CachePolicyId", "658327ea-f89d-4fab-a63d-7e88639e58f6")),
            new XElement(Ns + "CustomErrorResponses", new XElement(Ns + "Quantity", 0)),
            new XElement(Ns + "Comment"),
            new XElement(Ns + "Enabled", true));

    private static Answer Error(int status, string code, string message) =>
        new(status, Xml(new XElement(
            Ns + "ErrorResponse",
            new XElement(Ns + "Error", new XElement(Ns + "Type", status >= 500 ? "Receiver" : "Sender"), new XElement(Ns + "Code", code), new XElement(Ns + "Message", message)),
            new XElement(Ns + "RequestId", Guid.NewGuid().ToString()))), []);

    private static string Xml(XElement root) => "<?xml version=\"1.0\"?>" + root.ToString(SaveOptions.DisableFormatting);

    [GeneratedRegex("^/2020-05-31/distribution/(?<id>[^/]+)(?:/(?<op>invalidation|config)(?:/(?<inv>[^/]+))?)?$")]
    private static partial Regex RoutePattern();
}
