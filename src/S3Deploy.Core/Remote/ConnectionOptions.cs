namespace S3Deploy.Core.Remote;

/// <summary>Where and as whom to connect. Null values fall back to the AWS SDK's defaults (environment, profile, instance metadata).</summary>
public sealed record ConnectionOptions(string? Region = null, string? Profile = null, string? EndpointUrl = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a connection may make no progress (connect, send, or wait for bytes) before the request is retried; a
    /// response body must also keep up a floor rate once this has passed, so a trickling server is cut off too.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>A role to assume on top of the credentials found (or with a web identity token); null uses them as they are.</summary>
    public RoleOptions? Role { get; init; }

    /// <summary>Known to this SDK, or shaped like a region of an AWS partition (so a region newer than the SDK still works).</summary>
    internal static bool IsAwsRegion(string region) =>
        // GetBySystemName adds any name it is asked for to the list, as "Unknown", so the list alone proves nothing.
        Amazon.RegionEndpoint.EnumerableAllRegions.Any(r => r.SystemName == region && r.DisplayName != "Unknown")
        || System.Text.RegularExpressions.Regex.IsMatch(region, @"^(us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob|us-isof|eu-isoe|eusc-de)-[a-z]+-\d+$");
}
