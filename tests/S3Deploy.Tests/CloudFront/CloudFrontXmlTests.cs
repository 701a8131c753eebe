using System.Xml.Linq;
using S3Deploy.Core.CloudFront;

namespace S3Deploy.Tests.CloudFront;

public sealed class CloudFrontXmlTests
{
    private const string Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    [Fact]
    public void Invalidation_batch_is_exactly_the_documented_shape()
    {
        var body = CloudFrontXml.InvalidationBatch("deploy-1", ["/index.html", "/assets/*"]);

        Assert.Equal(
            $"<InvalidationBatch xmlns=\"{Ns}\"><CallerReference>deploy-1</CallerReference><Paths><Items><Path>/index.html</Path><Path>/assets/*</Path></Items><Quantity>2</Quantity></Paths></InvalidationBatch>",
            body);
    }

    [Fact]
    public void Invalidation_batch_escapes_markup_and_counts_every_path()
    {
        var body = CloudFrontXml.InvalidationBatch("a&b<c", ["/q&a.html", "/x<y", "/z"]);

        Assert.Contains("<CallerReference>a&amp;b&lt;c</CallerReference>", body, StringComparison.Ordinal);
        Assert.Contains("<Path>/q&amp;a.html</Path><Path>/x&lt;y</Path>", body, StringComparison.Ordinal);
        var paths = XElement.Parse(body).Element(XName.Get("Paths", Ns))!;
        Assert.Equal(["Items", "Quantity"], paths.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("3", paths.Element(XName.Get("Quantity", Ns))!.Value);
        Assert.Equal(["/q&a.html", "/x<y", "/z"], paths.Descendants(XName.Get("Path", Ns)).Select(p => p.Value));
    }

    [Fact]
    public void Invalidation_answer_is_parsed()
    {
        var invalidation = CloudFrontXml.ParseInvalidation($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Invalidation xmlns="{Ns}">
              <Id>I2J0I21PCUYOIK</Id>
              <Status>InProgress</Status>
              <CreateTime>2019-12-05T18:40:49.413Z</CreateTime>
              <InvalidationBatch>
                <Paths><Quantity>2</Quantity><Items><Path>/index.html</Path><Path>/*</Path></Items></Paths>
                <CallerReference>deploy-1</CallerReference>
              </InvalidationBatch>
            </Invalidation>
            """);

        Assert.Equal("I2J0I21PCUYOIK", invalidation.Id);
        Assert.Equal("InProgress", invalidation.Status);
        Assert.False(invalidation.IsCompleted);
        Assert.Equal(new DateTimeOffset(2019, 12, 5, 18, 40, 49, 413, TimeSpan.Zero), invalidation.CreateTime);
        Assert.Equal(["/index.html", "/*"], invalidation.Paths);
    }

    [Fact]
    public void Distribution_config_gives_every_origin_and_its_path()
    {
        var config = CloudFrontXml.ParseDistributionConfig($"""
            <DistributionConfig xmlns="{Ns}">
              <CallerReference>x</CallerReference>
              <DefaultRootObject>index.html</DefaultRootObject>
              <Origins>
                <Quantity>2</Quantity>
                <Items>
                  <Origin><Id>site</Id><DomainName>my-site.s3.us-east-1.amazonaws.com</DomainName><OriginPath>/prod</OriginPath><S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity></S3OriginConfig></Origin>
                  <Origin><Id>api</Id><DomainName>api.example.com</DomainName><OriginPath></OriginPath></Origin>
                </Items>
              </Origins>
              <Enabled>true</Enabled>
            </DistributionConfig>
            """);

        Assert.Equal("index.html", config.DefaultRootObject);
        Assert.Equal(
            [new DistributionOrigin("site", "my-site.s3.us-east-1.amazonaws.com", "/prod"), new DistributionOrigin("api", "api.example.com", "")],
            config.Origins);
    }

    [Fact]
    public void Empty_default_root_object_is_none()
    {
        var config = CloudFrontXml.ParseDistributionConfig($"<DistributionConfig xmlns=\"{Ns}\"><DefaultRootObject/></DistributionConfig>");

        Assert.Null(config.DefaultRootObject);
        Assert.Empty(config.Origins);
    }

    [Fact]
    public void An_answer_in_another_namespace_is_refused()
    {
        Assert.Throws<FormatException>(() => CloudFrontXml.ParseInvalidation("<Invalidation><Id>I</Id><Status>Completed</Status></Invalidation>"));
    }
}
