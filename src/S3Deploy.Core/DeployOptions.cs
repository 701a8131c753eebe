using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Website;

namespace S3Deploy.Core;

/// <summary>Everything a deploy needs, whichever adapter (CLI, MSBuild, Action) filled it in.</summary>
public sealed record DeployOptions
{
    public const int DefaultMaxDeletes = 256;
    public const int DefaultConcurrency = 16;
    public const long DefaultMultipartThreshold = 64L * 1024 * 1024;
    public const long DefaultPartSize = 16L * 1024 * 1024;

    public required string Source { get; init; }

    public required S3Target Target { get; init; }

    public ConnectionOptions Connection { get; init; } = new();

    public bool Delete { get; init; } = true;

    public int MaxDeletes { get; init; } = DefaultMaxDeletes;

    public bool AllowEmpty { get; init; }

    public IReadOnlyList<string> Excludes { get; init; } = [];

    public int Concurrency { get; init; } = DefaultConcurrency;

    public bool DryRun { get; init; }

    public bool FollowSymlinks { get; init; }

    /// <summary>Rules, default Cache-Control, encryption and storage class.</summary>
    public HeaderSettings Headers { get; init; } = new();

    /// <summary>Upload X.br (or X.gz) as X with its Content-Encoding where dotnet publish left one beside X.</summary>
    public Compression Precompressed { get; init; }

    /// <summary>Path → location ('/new/' or 'https://…'): zero-byte objects S3 website hosting answers with a redirect.</summary>
    public IReadOnlyDictionary<string, string> Redirects { get; init; } = new Dictionary<string, string>();

    /// <summary>S3 website hosting to configure; null leaves the bucket's website configuration alone.</summary>
    public WebsiteSettings? Website { get; init; }

    /// <summary>Make the deployed prefix publicly readable with a bucket policy.</summary>
    public bool Public { get; init; }

    /// <summary>How long stale objects stay after they left the source before a deploy deletes them.</summary>
    public TimeSpan KeepStale { get; init; }

    public CloudFrontSettings CloudFront { get; init; } = new();

    public long MultipartThreshold { get; init; } = DefaultMultipartThreshold;

    public long PartSize { get; init; } = DefaultPartSize;

    public void Validate()
    {
        Require(Concurrency is >= 1 and <= 256, "--concurrency must be between 1 and 256");
        Require(MaxDeletes >= 0, "--max-deletes must be 0 or more");
        Require(PartSize >= 5L * 1024 * 1024, "the multipart part size must be at least 5 MiB (an S3 limit)");
        Require(MultipartThreshold >= PartSize, "the multipart threshold must be at least the part size");
        HeaderChecks.Validate(Headers, Redirects, Remote.DeployManifest.Folder);

        if (Headers.ServerSideEncryption is { } sse)
        {
            Require(sse is "AES256" or "aws:kms", $"--sse must be AES256 or aws:kms, not '{sse}'");
        }

        Require(KeepStale >= TimeSpan.Zero, "--keep-stale must not be negative");
        Require(Connection.Timeout >= TimeSpan.FromSeconds(1), "--timeout must be at least 1s");
        Require(CloudFront.MaxPaths >= 1, "the CloudFront maxPaths must be at least 1");
        Require(Website is null || Website.RoutingRules.Count <= WebsiteSettings.MaxRoutingRules, $"S3 allows at most {WebsiteSettings.MaxRoutingRules} website routing rules");
        Require(Website is null || (Website.Index.Length > 0 && !Website.Index.Contains('/', StringComparison.Ordinal)), "the website index document must be a plain file name such as index.html (S3 requires it)");
        Require(Headers.SseKmsKeyId is null || Headers.ServerSideEncryption == "aws:kms", "--sse-kms-key-id needs --sse aws:kms");
        if (Connection.EndpointUrl is { } url)
        {
            Require(
                Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                $"--endpoint-url '{url}' is not an absolute http:// or https:// URL");
        }
        else if (Connection.Region is { } region)
        {
            Require(IsAwsRegion(region), $"--region '{region}' is not an AWS region such as us-east-1 or eu-west-2 (for an S3-compatible service, pass --endpoint-url too)");
        }
    }

    /// <summary>Known to this SDK, or shaped like a region of an AWS partition (so a region newer than the SDK still works).</summary>
    internal static bool IsAwsRegion(string region) =>
        // GetBySystemName adds any name it is asked for to the list, as "Unknown", so the list alone proves nothing.
        Amazon.RegionEndpoint.EnumerableAllRegions.Any(r => r.SystemName == region && r.DisplayName != "Unknown")
        || System.Text.RegularExpressions.Regex.IsMatch(region, @"^(us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob|us-isof|eu-isoe|eusc-de)-[a-z]+-\d+$");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw DeployException.Usage(DiagnosticCode.BadOption, message + ".");
        }
    }
}
