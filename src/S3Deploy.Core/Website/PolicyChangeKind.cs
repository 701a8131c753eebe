namespace S3Deploy.Core.Website;

/// <summary>What a deploy does to the bucket policy's public-read statements.</summary>
public enum PolicyChangeKind
{
    /// <summary>The policy already holds exactly these statements.</summary>
    None,

    /// <summary>The statements are not there yet (the bucket may have no policy at all); they are added.</summary>
    Add,

    /// <summary>Statements with these Sids are there but differ; they are replaced.</summary>
    Replace,
}
