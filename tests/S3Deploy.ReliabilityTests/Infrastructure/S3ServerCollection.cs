namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>Shares one s3rver among the <see cref="DeployTest"/>s; xunit only reads collection definitions from the test assembly itself.</summary>
[CollectionDefinition(Name)]
public sealed class S3ServerCollection : ICollectionFixture<S3ServerFixture>
{
    public const string Name = DeployTest.S3rver;
}
