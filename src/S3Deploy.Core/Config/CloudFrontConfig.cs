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

    /// <summary>Make the distribution serve the site as --website makes S3 serve it (a viewer-request function and its settings).</summary>
    public bool? Hosting { get; set; }
}
