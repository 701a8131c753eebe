namespace S3Deploy.Core.CloudFront;

/// <summary>Which distributions to invalidate after a deploy, and how long to wait for them.</summary>
public sealed record CloudFrontSettings
{
    public IReadOnlyList<string> Distributions { get; init; } = [];

    public bool Wait { get; init; } = true;

    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A wait that times out is a warning (stale objects stay until a later deploy) unless this is set.</summary>
    public bool FailOnTimeout { get; init; }

    public int MaxPaths { get; init; } = 25;

    public string? EndpointUrl { get; init; }

    /// <summary>Serve the site from the distributions as S3 website hosting would: a viewer-request function, error responses, headers.</summary>
    public bool Hosting { get; init; }

    /// <summary>First delay between polls of an invalidation's status; it doubles up to 20 seconds.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);
}
