using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>The objects under the target prefix (manifest excluded) and the manifest S3Deploy left there last time.</summary>
public sealed record BucketState(IReadOnlyDictionary<string, RemoteObject> Objects, DeployManifest Manifest, bool ManifestFound)
{
    /// <summary>When the manifest was written, by the server's clock: objects it records that were modified later are checked with HEAD.</summary>
    public DateTimeOffset? ManifestLastModified { get; init; }

    /// <summary>Why a manifest that was there was set aside (too large, not valid).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>S3Deploy's own objects under .s3deploy/ besides the manifest (release records, kept bytes, the lock): never site objects, never stale.</summary>
    public IReadOnlyDictionary<string, RemoteObject> Reserved { get; init; } = new Dictionary<string, RemoteObject>();
}
