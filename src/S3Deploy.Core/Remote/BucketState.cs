namespace S3Deploy.Core.Remote;

/// <summary>The objects under the target prefix (manifest excluded) and the manifest S3Deploy left there last time.</summary>
public sealed record BucketState(IReadOnlyDictionary<string, RemoteObject> Objects, DeployManifest Manifest, bool ManifestFound);
