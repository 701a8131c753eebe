using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.CloudFront;

/// <summary>Where CloudFront's API lives and which region its requests are signed for (it is global, so one per partition).</summary>
internal sealed record CloudFrontEndpoint(Uri BaseUri, string SigningRegion)
{
    public static CloudFrontEndpoint Global { get; } = new(new Uri("https://cloudfront.amazonaws.com"), "us-east-1");

    public static CloudFrontEndpoint China { get; } = new(new Uri("https://cloudfront.cn-northwest-1.amazonaws.com.cn"), "cn-northwest-1");

    /// <summary>An explicit endpoint: China's hosts sign for cn-northwest-1, anything else for us-east-1 unless told.</summary>
    public static CloudFrontEndpoint FromUrl(string url, string? signingRegion = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw DeployException.Usage(DiagnosticCode.BadOption, $"'{url}' is not a CloudFront endpoint URL. Give an absolute http(s) URL such as https://cloudfront.amazonaws.com.");
        }

        var region = signingRegion
            ?? (uri.Host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase) ? China.SigningRegion : Global.SigningRegion);
        return new CloudFrontEndpoint(uri, region);
    }
}
