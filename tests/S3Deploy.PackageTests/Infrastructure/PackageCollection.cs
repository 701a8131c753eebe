
namespace S3Deploy.PackageTests.Infrastructure;

/// <summary>One collection, so the package is packed once and the slow publishes never compete for the CPU.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<S3ServerFixture>, ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
