namespace S3Deploy.Core.Remote;

/// <summary>
/// A connection made no progress for the timeout, or a response body came in slower than the floor rate. An IOException,
/// so the SDK's retry policy treats it as the transient network failure it is.
/// </summary>
internal sealed class RequestTimedOutException(string message) : IOException(message);
