namespace S3Deploy.Core.Releases;

/// <summary>The lock object's body: who holds the prefix, since when, and when the lease runs out.</summary>
public sealed record DeployLock(string Holder, string Operation, DateTimeOffset Started, DateTimeOffset Expires);
