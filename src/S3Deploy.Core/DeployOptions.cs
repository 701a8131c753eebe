using S3Deploy.Core.Diagnostics;

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

    /// <summary>Overrides the default Cache-Control of every file.</summary>
    public string? CacheControl { get; init; }

    public long MultipartThreshold { get; init; } = DefaultMultipartThreshold;

    public long PartSize { get; init; } = DefaultPartSize;

    public void Validate()
    {
        Require(Concurrency is >= 1 and <= 256, "--concurrency must be between 1 and 256");
        Require(MaxDeletes >= 0, "--max-deletes must be 0 or more");
        Require(PartSize >= 5L * 1024 * 1024, "the multipart part size must be at least 5 MiB (an S3 limit)");
        Require(MultipartThreshold >= PartSize, "the multipart threshold must be at least the part size");
        if (Connection.EndpointUrl is { } url)
        {
            Require(
                Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                $"--endpoint-url '{url}' is not an absolute http:// or https:// URL");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw DeployException.Usage(DiagnosticCode.BadOption, message + ".");
        }
    }
}
