namespace S3Deploy.Core.Planning;

/// <summary>
/// What a deploy does to its release history, decided with the rest of the plan: the old bytes kept (a server-side copy
/// into the store before they are overwritten or deleted), the release written, and what pruning removes once all else landed.
/// </summary>
public sealed record HistoryPlan(string? ReleaseId, IReadOnlyList<StoreCopy> Preserve, IReadOnlyList<string> PruneReleases, IReadOnlyList<string> PruneObjects)
{
    // Before Off, which reads it while it is made.
    private static readonly IReadOnlyDictionary<string, string> NoVersions = new Dictionary<string, string>();

    public static readonly HistoryPlan Off = new(null, [], [], []);

    /// <summary>The release before this one, the one <c>s3deploy rollback</c> returns to by default; null when there is none.</summary>
    public string? Previous { get; init; }

    /// <summary>For a rollback, the release it returns to.</summary>
    public string? RolledBackTo { get; init; }

    /// <summary>The source revision the CI names (GITHUB_SHA, BUILD_SOURCEVERSION), recorded with the release.</summary>
    public string? Revision { get; init; }

    /// <summary>--message, recorded with the release.</summary>
    public string? Message { get; init; }

    /// <summary>
    /// The bucket has versioning enabled: the release records each key's version id, and old bytes are kept only for
    /// releases recorded without version ids (before versioning was turned on).
    /// </summary>
    public bool Versioned { get; init; }

    /// <summary>On a versioned bucket, the version ids of the keys this plan does not write, known before it runs.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; init; } = NoVersions;

    public bool WritesRelease => ReleaseId is not null;
}

/// <summary>Keep the bytes now at <paramref name="RelativeKey"/> (content <paramref name="Hash"/>, ETag <paramref name="ETag"/>, <paramref name="Size"/> bytes as listed) in the store.</summary>
public sealed record StoreCopy(string RelativeKey, string Hash, string ETag, long Size = 0);
