using System.Xml.Linq;
using S3Deploy.Core.Edge;

namespace S3Deploy.Tests.Edge;

public sealed class DistributionEditTests
{
    private const string Arn = "arn:aws:cloudfront::123456789012:function/s3deploy-E1";
    private static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    private static XElement Config(string behavior = "", string errors = "") => XElement.Parse($"""
        <DistributionConfig xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
          <CallerReference>r</CallerReference>
          <DefaultCacheBehavior><TargetOriginId>o</TargetOriginId><ViewerProtocolPolicy>https-only</ViewerProtocolPolicy>{behavior}<CachePolicyId>c</CachePolicyId></DefaultCacheBehavior>
          {errors}
          <Comment>keep me</Comment><Enabled>true</Enabled>
        </DistributionConfig>
        """);

    [Fact]
    public void A_missing_association_and_error_responses_are_added_in_the_models_order_and_the_rest_is_kept()
    {
        var (edited, changes) = DistributionEdit.Apply(Config(), Arn, "/404.html", spaPage: null);

        Assert.Equal([$"viewer-request function → {Arn}", "error 403 → /404.html (404)", "error 404 → /404.html (404)"], changes);
        var behavior = edited.Element(Ns + "DefaultCacheBehavior")!;
        Assert.Equal(["TargetOriginId", "ViewerProtocolPolicy", "FunctionAssociations", "CachePolicyId"], behavior.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("1", behavior.Element(Ns + "FunctionAssociations")!.Element(Ns + "Quantity")!.Value);
        Assert.Equal(["CallerReference", "DefaultCacheBehavior", "CustomErrorResponses", "Comment", "Enabled"], edited.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("2", edited.Element(Ns + "CustomErrorResponses")!.Element(Ns + "Quantity")!.Value);
    }

    [Fact]
    public void Another_viewer_request_function_is_replaced_and_a_viewer_response_one_kept()
    {
        var behavior = """
            <FunctionAssociations><Quantity>2</Quantity><Items>
              <FunctionAssociation><FunctionARN>arn:other</FunctionARN><EventType>viewer-request</EventType></FunctionAssociation>
              <FunctionAssociation><FunctionARN>arn:headers</FunctionARN><EventType>viewer-response</EventType></FunctionAssociation>
            </Items></FunctionAssociations>
            """;

        var (edited, _) = DistributionEdit.Apply(Config(behavior), Arn, null, null);

        var associations = edited.Descendants(Ns + "FunctionAssociation").Select(a => a.Element(Ns + "FunctionARN")!.Value).Order(StringComparer.Ordinal);
        Assert.Equal([Arn, "arn:headers"], associations);
    }

    [Fact]
    public void A_config_that_already_serves_the_site_is_left_as_it_is()
    {
        var (once, _) = DistributionEdit.Apply(Config(errors: "<CustomErrorResponses><Quantity>1</Quantity><Items><CustomErrorResponse><ErrorCode>500</ErrorCode></CustomErrorResponse></Items></CustomErrorResponses>"), Arn, null, "/index.html");

        var (twice, changes) = DistributionEdit.Apply(once, Arn, null, "/index.html");

        Assert.Empty(changes);
        Assert.Same(once, twice);
        Assert.Equal(["500", "403", "404"], once.Descendants(Ns + "ErrorCode").Select(e => e.Value).OrderBy(c => c == "500" ? 0 : 1));
    }
}
