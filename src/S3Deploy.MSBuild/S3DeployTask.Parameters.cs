using Microsoft.Build.Framework;

namespace S3Deploy.MSBuild;

/// <summary>Set by build/S3Deploy.MSBuild.targets from the S3DeployXxx properties; CliArguments maps each to its CLI option.
/// Numbers stay strings, so the CLI validates them and says what is wrong in its own words.</summary>
public sealed partial class S3DeployTask
{
    [Required] public string CliPath { get; set; } = "";
    [Required] public string Source { get; set; } = "";
    /// <summary>Empty when a named target (<see cref="Target"/>) gives the bucket in s3deploy.json.</summary>
    public string Bucket { get; set; } = "";

    public string? Prefix { get; set; }
    public string? DotnetHostPath { get; set; }
    public string? NetCoreRoot { get; set; }
    public string? ProjectDirectory { get; set; }

    public string? Config { get; set; }
    public string? Target { get; set; }
    public string? Region { get; set; }
    public string? Profile { get; set; }
    public string? EndpointUrl { get; set; }
    public bool Delete { get; set; } = true;
    public string? MaxDeletes { get; set; }
    public bool AllowEmpty { get; set; }
    public string[] Exclude { get; set; } = [];
    public string? Concurrency { get; set; }
    public bool DryRun { get; set; }
    public bool FollowSymlinks { get; set; }
    public bool HashCache { get; set; } = true;
    public string? CacheControl { get; set; }
    public string? Precompressed { get; set; }
    public string? Sse { get; set; }
    public string? SseKmsKeyId { get; set; }
    public string? StorageClass { get; set; }
    public bool Website { get; set; }
    public string? IndexDocument { get; set; }
    public string? ErrorDocument { get; set; }
    public bool Spa { get; set; }
    public bool Public { get; set; }
    public bool CloudFrontHosting { get; set; }
    public string? KeepStale { get; set; }
    public string[] CloudFront { get; set; } = [];
    public string? CloudFrontEndpointUrl { get; set; }
    public bool Wait { get; set; } = true;
    public string? WaitTimeout { get; set; }
    public string? MaxInvalidationPaths { get; set; }
    public bool Diagnostics { get; set; }
    public string? Preview { get; set; }
    public string? RoleArn { get; set; }
    public string? ExternalId { get; set; }
    public string? RoleSessionName { get; set; }
    public string? KeepReleases { get; set; }
    public string? Message { get; set; }

    /// <summary>Take the prefix's deploy lock even if another run holds it.</summary>
    public bool BreakLock { get; set; }

    /// <summary>Run 's3deploy rollback' (target S3DeployRollback) instead of a deploy; Source is then not read.</summary>
    public bool Rollback { get; set; }
    public string? RollbackTo { get; set; }

    [Output] public int Uploaded { get; private set; }
    [Output] public int HeadersUpdated { get; private set; }
    [Output] public int Deleted { get; private set; }
    [Output] public int Unchanged { get; private set; }
    [Output] public long BytesUploaded { get; private set; }
    [Output] public string? WebsiteUrl { get; private set; }
    [Output] public string[] InvalidationIds { get; private set; } = [];
}
