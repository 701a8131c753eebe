namespace S3Deploy.IntegrationTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class S3ServerCollection : ICollectionFixture<S3ServerFixture>
{
    public const string Name = "s3rver";
}
