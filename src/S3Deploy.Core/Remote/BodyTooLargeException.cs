namespace S3Deploy.Core.Remote;

/// <summary>A response body went past the most the deployer is willing to read.</summary>
internal sealed class BodyTooLargeException(long limit) : Exception($"The body is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
