using Amazon.S3;
using S3Deploy.Core.Remote;

namespace S3Deploy.TestSupport;

/// <summary>An S3 API server on loopback that a test can deploy to.</summary>
public interface IS3Server
{
    string Endpoint { get; }

    ConnectionOptions Connection { get; }

    IAmazonS3 Client();

    Task<string> CreateBucketAsync();
}
