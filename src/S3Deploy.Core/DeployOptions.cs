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
    public const long MinPartSize = 5L * 1024 * 1024;
    public const int MaxConcurrency = 256;

    public required string Source { get; init; }

    public required S3Target Target { get; init; }

    /// <summary>The named target of s3deploy.json this deploy goes to ("staging"), for the plan header and the summary; null: none.</summary>
    public string? TargetName { get; init; }

    public ConnectionOptions Connection { get; init; } = new();

    public bool Delete { get; init; } = true;

    public int MaxDeletes { get; init; } = DefaultMaxDeletes;

    public bool AllowEmpty { get; init; }

    public IReadOnlyList<string> Excludes { get; init; } = [];

    public int Concurrency { get; init; } = DefaultConcurrency;

    public bool DryRun { get; init; }

    public bool FollowSymlinks { get; init; }

    /// <summary>Take a file's MD5 from the local hash cache when its size, mtime, ctime and inode are unchanged since it was hashed.</summary>
    public bool HashCache { get; init; } = true;

    /// <summary>Where hash caches are kept (tests); null: $S3DEPLOY_CACHE_DIR or the user's cache folder.</summary>
    internal string? HashCacheFolder { get; init; }

    /// <summary>How long after its last change a file's hash may be cached (tests shorten it).</summary>
    internal TimeSpan HashCacheSettle { get; init; } = Scanning.HashCache.DefaultSettle;

    /// <summary>Rules, default Cache-Control, encryption and storage class.</summary>
    public HeaderSettings Headers { get; init; } = new();

    /// <summary>Upload X.br (or X.gz) as X with its Content-Encoding where dotnet publish left one beside X.</summary>
    public Compression Precompressed { get; init; }

    /// <summary>precompressed "negotiate": keep X.br and X.gz beside X (with X's type and their encoding) for CloudFront hosting to choose from.</summary>
    public bool NegotiateEncodings { get; init; }

    /// <summary>Response headers CloudFront hosting adds through a response headers policy: name → value.</summary>
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Path → location ('/new/' or 'https://…'): zero-byte objects S3 website hosting answers with a redirect.</summary>
    public IReadOnlyDictionary<string, string> Redirects { get; init; } = new Dictionary<string, string>();

    /// <summary>S3 website hosting to configure; null leaves the bucket's website configuration alone.</summary>
    public WebsiteSettings? Website { get; init; }

    /// <summary>Make the deployed prefix publicly readable with a bucket policy.</summary>
    public bool Public { get; init; }

    /// <summary>How long stale objects stay after they left the source before a deploy deletes them.</summary>
    public TimeSpan KeepStale { get; init; }

    public CloudFrontSettings CloudFront { get; init; } = new();

    /// <summary>Globs of files whose <c>${NAME}</c> placeholders are replaced before the scan (deploy-time values).</summary>
    public IReadOnlyList<string> Substitute { get; init; } = [];

    /// <summary>The placeholders' values ("values" of s3deploy.json and its target); S3DEPLOY_VAR_NAME wins over them.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Where S3DEPLOY_VAR_NAME is read (tests give their own).</summary>
    internal Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
    /// <summary>The preview this deploy is (its target is then the preview's folder), or null for a deploy of the target itself.</summary>
    public string? Preview { get; init; }

    /// <summary>Where previews live under the target's prefix; a deploy of the target never deletes under it.</summary>
    public string PreviewsPrefix { get; init; } = PreviewSite.DefaultPrefix;

    public long MultipartThreshold { get; init; } = DefaultMultipartThreshold;

    public long PartSize { get; init; } = DefaultPartSize;

    /// <summary>Above this a copy inside S3 goes in parts: CopyObject's own limit, lowered only by tests.</summary>
    internal long MaxCopySize { get; init; } = Applying.MultipartCopy.CopyObjectLimit;

    public const int DefaultKeepReleases = 5;

    /// <summary>Releases kept for rollback (their records and the bytes they need); 0 turns release history off.</summary>
    public int KeepReleases { get; init; } = DefaultKeepReleases;

    /// <summary>--message: recorded with the release, beside the CI's source revision.</summary>
    public string? ReleaseMessage { get; init; }

    /// <summary>Take the prefix's deploy lock (.s3deploy/lock.json) for the run, refusing while another run holds it; --no-lock turns it off.</summary>
    public bool Lock { get; init; } = true;

    /// <summary>Take the prefix's deploy lock even when another deploy holds it.</summary>
    public bool BreakLock { get; init; }

    /// <summary>
    /// Invariants no source of options can break (they come from code, e.g. tests). Values a user gives are checked once,
    /// with their source's names, by the config validator before a DeployOptions exists.
    /// </summary>
    public void Validate()
    {
        Require(PartSize >= MinPartSize, "the multipart part size must be at least 5 MiB (an S3 limit)");
        Require(MultipartThreshold >= PartSize, "the multipart threshold must be at least the part size");
        HeaderChecks.Validate(Headers, Redirects, DeployManifest.Folder);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw DeployException.Usage(DiagnosticCode.BadOption, message + ".");
        }
    }
}
