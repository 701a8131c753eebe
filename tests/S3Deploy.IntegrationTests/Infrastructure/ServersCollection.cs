namespace S3Deploy.IntegrationTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<Servers>
{
    public const string Name = "s3rver and moto";
}
