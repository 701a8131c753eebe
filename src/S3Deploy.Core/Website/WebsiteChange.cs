using Amazon.S3.Model;

namespace S3Deploy.Core.Website;

/// <summary>The website hosting part of a plan: the settings wanted, whether the bucket's configuration must change, and where it serves.</summary>
public sealed record WebsiteChange(WebsiteChangeKind Change, WebsiteSettings Wanted, string Url)
{
    /// <summary>The configuration the bucket had when planned (null: none).</summary>
    internal WebsiteConfiguration? Current { get; init; }

    /// <summary>The configuration to write, as S3 takes it.</summary>
    internal WebsiteConfiguration Desired { get; init; } = new();

    public bool Changes => Change != WebsiteChangeKind.None;
}
