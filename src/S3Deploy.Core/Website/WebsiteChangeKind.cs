namespace S3Deploy.Core.Website;

/// <summary>What a deploy does to the bucket's website configuration.</summary>
public enum WebsiteChangeKind
{
    /// <summary>The bucket already has exactly the configuration wanted.</summary>
    None,

    /// <summary>The bucket has no website configuration yet.</summary>
    Create,

    /// <summary>The bucket has another website configuration, which is replaced.</summary>
    Update,
}
