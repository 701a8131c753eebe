
namespace S3Deploy.ActionTests.Infrastructure;

/// <summary>One s3rver for every test that runs a real process.</summary>
[CollectionDefinition(Name)]
public sealed class ActionCollection : ICollectionFixture<S3ServerFixture>
{
    public const string Name = "action";
}
