namespace S3Deploy.Core.Config;

/// <summary>"cloudfront" in s3deploy.json.</summary>
internal sealed class CloudFrontConfig
{
    public List<string>? Distributions { get; set; }

    public bool? Wait { get; set; }

    public string? WaitTimeout { get; set; }

    public bool? FailOnTimeout { get; set; }

    public int? MaxPaths { get; set; }

    public string? EndpointUrl { get; set; }
}
