using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using S3Deploy.Core.Applying;

namespace S3Deploy.Tests;

public sealed class PayloadSigningTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("https://s3.example.test", true)]
    [InlineData("HTTPS://minio.example.test:9000", true)]
    [InlineData("http://127.0.0.1:4568", false)]
    public void Payloads_go_unsigned_only_over_https(string? endpoint, bool unsigned)
    {
        var config = endpoint is null ? new AmazonS3Config { RegionEndpoint = RegionEndpoint.EUWest1 } : new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true };
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("AKIDEXAMPLE", "not-a-secret"), config);

        Assert.Equal(unsigned, PayloadSigning.CanSkip(s3));
    }

    [Fact]
    public void Aws_endpoint_forced_to_http_keeps_signed_payloads()
    {
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("AKIDEXAMPLE", "not-a-secret"), new AmazonS3Config { RegionEndpoint = RegionEndpoint.EUWest1, UseHttp = true });

        Assert.False(PayloadSigning.CanSkip(s3));
    }
}
