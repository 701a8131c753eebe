
namespace S3Deploy.ActionTests.Infrastructure;

/// <summary>One s3rver and one trimmed publish of the entrypoint for every test that runs a real process.</summary>
[CollectionDefinition(Name)]
public sealed class ActionCollection : ICollectionFixture<S3ServerFixture>, ICollectionFixture<PublishedAction>
{
    public const string Name = "action";
}
