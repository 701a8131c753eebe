using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>The manifest as read from the bucket, or null with the warning that says why it was set aside (null when it is simply absent).</summary>
internal sealed record ManifestRead(DeployManifest? Manifest, Diagnostic? Warning)
{
    public static ManifestRead Missing { get; } = new(null, null);
}
